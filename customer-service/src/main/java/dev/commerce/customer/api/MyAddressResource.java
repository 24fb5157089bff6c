package dev.commerce.customer.api;

import dev.commerce.customer.application.AddressBook;
import dev.commerce.customer.application.Profiles;
import dev.commerce.customer.domain.CustomerAddress;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The signed-in customer's address book; the storefront reads the defaults here and sends them to the cart. */
@Path("/customers/me/addresses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My account")
public class MyAddressResource {

    private final AddressBook book;
    private final SecurityIdentity identity;

    public MyAddressResource(AddressBook book, SecurityIdentity identity) {
        this.book = book;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listMyAddresses", summary = "The address book, oldest first (at most 50 addresses)")
    public List<AddressBodies.Output> list() {
        return book.list(customerId()).stream().map(AddressBodies.Output::of).toList();
    }

    @POST
    @Operation(operationId = "addMyAddress", summary = "Add an address")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = AddressBodies.Output.class)))
    @APIResponse(responseCode = "409", description = "address-book-full")
    public Response add(@Valid @NotNull AddressBodies.Input input, @Context UriInfo uri) {
        CustomerAddress address = book.add(customerId(), input.fields(), input.defaults());
        return Response.created(uri.getAbsolutePathBuilder().path(address.id().toString()).build())
                .entity(AddressBodies.Output.of(address)).build();
    }

    @GET
    @Path("/{addressId}")
    @Operation(operationId = "getMyAddress", summary = "One address")
    @APIResponse(responseCode = "200", description = "The address")
    @APIResponse(responseCode = "404", description = "No such address in this book")
    public AddressBodies.Output get(@Parameter(description = "The address's id") @PathParam("addressId") UUID addressId) {
        return AddressBodies.Output.of(book.get(customerId(), addressId));
    }

    @PUT
    @Path("/{addressId}")
    @Operation(operationId = "replaceMyAddress", summary = "Replace an address, and move the defaults")
    @APIResponse(responseCode = "200", description = "The address")
    @APIResponse(responseCode = "404", description = "No such address in this book")
    public AddressBodies.Output replace(@Parameter(description = "The address's id") @PathParam("addressId") UUID addressId,
                                        @Valid @NotNull AddressBodies.Input input) {
        return AddressBodies.Output.of(book.replace(customerId(), addressId, input.fields(), input.defaults()));
    }

    @DELETE
    @Path("/{addressId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removeMyAddress", summary = "Remove an address",
            description = "Removing a default address leaves the book without that default.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such address in this book")
    public void remove(@Parameter(description = "The address's id") @PathParam("addressId") UUID addressId) {
        book.remove(customerId(), addressId);
    }

    private UUID customerId() {
        return Profiles.customerId(Principals.subjectOf(identity));
    }
}
