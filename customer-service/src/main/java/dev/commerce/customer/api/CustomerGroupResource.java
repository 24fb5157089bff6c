package dev.commerce.customer.api;

import dev.commerce.customer.application.CustomerGroups;
import dev.commerce.customer.domain.CustomerGroup;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Customer groups the merchant manages; promotions can be limited to them (cart-service). */
@Path("/customer-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Customer groups", description = "Groups of customers (vip, wholesale) for promotions and partners")
public class CustomerGroupResource {

    @Schema(name = "NewCustomerGroup")
    record NewGroup(
            @NotBlank @Size(max = 64) @Schema(description = "Stable code: lower-case words joined by hyphens", examples = "vip")
            String code,
            @NotBlank @Size(max = 200) @Schema(examples = "VIP customers") String name,
            @Size(max = 1000) @Schema(examples = "Invited by the sales team") String description) {
    }

    @Schema(name = "CustomerGroupChange")
    record Change(
            @NotBlank @Size(max = 200) @Schema(examples = "VIP customers") String name,
            @Schema(examples = "Invited by the sales team") @Size(max = 1000) String description) {
    }

    @Schema(name = "CustomerGroup")
    record Output(@Schema(examples = "vip") String code, @Schema(examples = "VIP customers") String name,
                  @Schema(examples = "Invited by the sales team") String description, Instant createdAt, Instant updatedAt, @Schema(examples = "1") long version) {
        static Output of(CustomerGroup group) {
            return new Output(group.code(), group.name(), group.description(), group.createdAt(), group.updatedAt(),
                    group.version());
        }
    }

    private final CustomerGroups groups;
    private final HttpHeaders headers;

    public CustomerGroupResource(CustomerGroups groups, HttpHeaders headers) {
        this.groups = groups;
        this.headers = headers;
    }

    @POST
    @Idempotent
    @Operation(operationId = "createCustomerGroup", summary = "Create a customer group", description = "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Output.class)))
    @APIResponse(responseCode = "409", description = "customer-group-exists")
    public Response create(@Valid @NotNull NewGroup request, @Context UriInfo uri) {
        CustomerGroup group = groups.create(request.code(), request.name(), request.description());
        return Response.created(uri.getAbsolutePathBuilder().path(group.code()).build())
                .tag(Versions.etag(group.version())).entity(Output.of(group)).build();
    }

    @GET
    @Operation(operationId = "listCustomerGroups", summary = "Every customer group, by code")
    public List<Output> list() {
        return groups.list().stream().map(Output::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCustomerGroup", summary = "One customer group")
    @APIResponse(responseCode = "200", description = "The group, its version as ETag", content = @Content(schema = @Schema(implementation = Output.class)))
    @APIResponse(responseCode = "404", description = "Unknown group")
    public Response get(@Parameter(description = "The group's code") @PathParam("code") String code) {
        CustomerGroup group = groups.get(code);
        return Response.ok(Output.of(group)).tag(Versions.etag(group.version())).build();
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "changeCustomerGroup", summary = "Rename or describe a group", description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = Output.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@Parameter(description = "The group's code") @PathParam("code") String code,
                           @Valid @NotNull Change request) {
        CustomerGroup group = groups.describe(code, version -> Versions.requireMatch(headers, version), request.name(),
                request.description());
        return Response.ok(Output.of(group)).tag(Versions.etag(group.version())).build();
    }

    @DELETE
    @Path("/{code}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteCustomerGroup", summary = "Delete a group", description = "Its members leave it. Requires If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public void delete(@Parameter(description = "The group's code") @PathParam("code") String code) {
        groups.delete(code, version -> Versions.requireMatch(headers, version));
    }
}
