package dev.commerce.customer.api;

import dev.commerce.customer.application.CustomerAdministration;
import dev.commerce.customer.application.CustomerGroups;
import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.customer.domain.Customer;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Customers for the back office: search, view, block and unblock. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Customers", description = "Customer accounts for the back office")
public class CustomerAdminResource {

    @Schema(name = "CustomerBlock")
    record Block(@NotBlank @Size(max = 500) @Schema(description = "Why, for the back office", examples = "chargeback fraud")
                 String reason) {
    }

    @Schema(name = "CustomerGroupAssignment")
    record GroupAssignment(@NotNull @Size(max = 50) @Schema(description = "Codes of existing groups; [] leaves every group",
            examples = "[\"vip\"]") List<@NotBlank String> groups) {
    }

    private final CustomerAdministration customers;
    private final CustomerGroups groups;
    private final PrivacyRequests privacy;
    private final SecurityIdentity identity;

    public CustomerAdminResource(CustomerAdministration customers, CustomerGroups groups, PrivacyRequests privacy,
                                 SecurityIdentity identity) {
        this.customers = customers;
        this.groups = groups;
        this.privacy = privacy;
        this.identity = identity;
    }

    @POST
    @Path("/{customerId}/privacy-exports")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "requestCustomerDataExport", summary = "Export a customer's data on their behalf")
    @APIResponse(responseCode = "202", description = "Requested; follow it at /privacy-requests/{id}",
            content = @Content(schema = @Schema(implementation = PrivacyResponse.class)))
    public jakarta.ws.rs.core.Response requestExport(
            @Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId) {
        PrivacyRequests.Progress progress = privacy.requestExport(customerId, Principals.subjectOf(identity));
        java.net.URI location = java.net.URI.create("/privacy-requests/" + progress.request().id());
        return jakarta.ws.rs.core.Response.accepted(PrivacyResponse.of(progress, location + "/document")).location(location).build();
    }

    @POST
    @Path("/{customerId}/erasure")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "eraseCustomer", summary = "Erase a customer on their behalf",
            description = "The account is deleted at once; every other service erases or anonymises what it holds and "
                    + "confirms (follow it at /privacy-requests/{id}).")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow",
            content = @Content(schema = @Schema(implementation = PrivacyResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown (or already erased) customer")
    public jakarta.ws.rs.core.Response erase(@Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId) {
        PrivacyRequests.Progress progress = privacy.erase(customerId, Principals.subjectOf(identity), null);
        java.net.URI location = java.net.URI.create("/privacy-requests/" + progress.request().id());
        return jakarta.ws.rs.core.Response.accepted(PrivacyResponse.of(progress, null)).location(location).build();
    }

    @PUT
    @Path("/{customerId}/groups")
    @Operation(operationId = "assignCustomerGroups", summary = "Put a customer in exactly these groups",
            description = "Announced as customer-upserted; cart-service's group promotions follow.")
    @APIResponse(responseCode = "200", description = "The customer with the groups",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "422", description = "unknown-customer-group (unknownGroups lists them)")
    public CustomerResponse assignGroups(@Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId,
                                         @Valid @NotNull GroupAssignment request) {
        return CustomerResponse.forBackOffice(groups.assign(customerId, request.groups()));
    }

    @GET
    @Operation(operationId = "listCustomers", summary = "Search customers", description = "Oldest first; cursor paging.")
    public Page<CustomerResponse> list(
            @Parameter(description = "Part of the e-mail address or the name, case-insensitive") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "Only customers with this status") @QueryParam("status") Customer.Status status,
            @Valid @BeanParam PageParams page) {
        return customers.search(text, status, page).map(CustomerResponse::forBackOffice);
    }

    @GET
    @Path("/{customerId}")
    @Operation(operationId = "getCustomer", summary = "One customer")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public CustomerResponse get(@Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId) {
        return CustomerResponse.forBackOffice(customers.get(customerId));
    }

    @POST
    @Path("/{customerId}/block")
    @Operation(operationId = "blockCustomer", summary = "Block a customer",
            description = "Sign-in and refresh are refused and every session ends; idempotent.")
    @APIResponse(responseCode = "200", description = "Blocked", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public CustomerResponse block(@Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId,
                                  @Valid @NotNull Block request) {
        return CustomerResponse.forBackOffice(customers.block(customerId, request.reason(), Principals.subjectOf(identity)));
    }

    @POST
    @Path("/{customerId}/unblock")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "unblockCustomer", summary = "Unblock a customer", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown customer")
    public CustomerResponse unblock(@Parameter(description = "The customer's id") @PathParam("customerId") UUID customerId) {
        return CustomerResponse.forBackOffice(customers.unblock(customerId, Principals.subjectOf(identity)));
    }
}
