package dev.commerce.cart.api;

import dev.commerce.platform.web.security.Principals;
import dev.commerce.cart.application.Carts;
import dev.commerce.cart.domain.Cart;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.Problem;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Currency;
import java.util.UUID;

@Path("/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts", description = "Guest and customer carts")
public class CartResource {

    private final Carts carts;
    private final SecurityIdentity identity;

    public CartResource(Carts carts, SecurityIdentity identity) {
        this.carts = carts;
        this.identity = identity;
    }

    @POST
    @PermitAll
    @Idempotent
    @Operation(summary = "Open a cart",
            description = "Without a token the cart is a guest cart reached through its id; with a customer token it belongs "
                    + "to that customer. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@Valid @NotNull NewCartRequest request, @Context UriInfo uri) {
        Cart cart = carts.open(customerId(), Currency.getInstance(request.currency()));
        return Response.created(uri.getAbsolutePathBuilder().path(cart.id().toString()).build())
                .tag(Versions.etag(cart.version())).entity(CartResponse.of(cart)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a cart", description = "A customer's cart is visible to that customer (and admins) only.")
    @APIResponse(responseCode = "200", description = "The cart, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown cart, or another customer's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Cart cart = carts.get(id, customerId(), identity.hasRole(Roles.ADMIN));
        return Response.ok(CartResponse.of(cart)).tag(Versions.etag(cart.version())).build();
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "List my carts", description = "The signed-in customer's carts, oldest first; cursor paging.")
    public Page<CartResponse> mine(@Valid @BeanParam PageParams page) {
        return carts.listOfCustomer(customerId(), page).map(CartResponse::of);
    }

    private String customerId() {
        return identity.hasRole(Roles.CUSTOMER) ? Principals.subjectOf(identity) : null;
    }
}
