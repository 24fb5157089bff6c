package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.application.CartMerge;
import dev.commerce.cart.application.Carts;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.security.Roles;
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
    private final CartMerge merge;
    private final CallingShopper caller;

    public CartResource(Carts carts, CartMerge merge, CallingShopper caller) {
        this.carts = carts;
        this.merge = merge;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Idempotent
    @Operation(operationId = "openCart", summary = "Open a cart",
            description = "Without a token the cart is a guest cart reached through its id; with a customer token it belongs "
                    + "to that customer, who has one open cart: if they already have one it is returned (200) instead of "
                    + "a second. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "200", description = "The customer's open cart, which already existed",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response open(@Valid @NotNull NewCartRequest request, @Context UriInfo uri) {
        Carts.Opened opened = carts.open(caller.shopper().customerId(), Currency.getInstance(request.currency()));
        CartView view = opened.view();
        Response.ResponseBuilder response = opened.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(view.cart().id().toString()).build())
                : Response.ok();
        return response.tag(Versions.etag(view.cart().version())).entity(CartResponse.of(view)).build();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "getMyCart", summary = "Get my open cart", description = "The signed-in customer's open cart.")
    @APIResponse(responseCode = "200", description = "The cart, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "404", description = "The customer has no open cart")
    public Response mine() {
        return ok(carts.openCartOf(caller.shopper().customerId()));
    }

    @POST
    @Path("/mine/merge")
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "mergeGuestCart", summary = "Merge a guest cart into my cart at sign-in",
            description = "The guest cart's lines move into the customer's open cart (quantities added, up to the per-line "
                    + "limit); the guest cart becomes MERGED and read-only. Merging it again answers the same cart.")
    @APIResponse(responseCode = "200", description = "The customer's cart after the merge",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown guest cart")
    @APIResponse(responseCode = "409", description = "currency-mismatch, or the guest cart is not open")
    public Response merge(@Valid @NotNull MergeRequest request) {
        return ok(merge.merge(caller.shopper().customerId(), request.guestCartId()));
    }

    @Schema(name = "CartMerge")
    public record MergeRequest(@NotNull @Schema(description = "The guest cart the shopper used before signing in") UUID guestCartId) {
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCart", summary = "Get a cart",
            description = "With lines, their price snapshots and every total. A customer's cart is visible to that "
                    + "customer (and admins) only.")
    @APIResponse(responseCode = "200", description = "The cart, with its version as ETag",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown cart, or another customer's")
    public Response get(@Parameter(description = "The cart's id: for a guest it is the capability to use the cart") @PathParam("id") UUID id) {
        return ok(carts.get(id, caller.shopper()));
    }

    @GET
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(operationId = "listMyCarts", summary = "List my carts",
            description = "The signed-in customer's carts (open, ordered, merged), oldest first; cursor paging.")
    public Page<CartResponse> list(@Valid @BeanParam PageParams page) {
        return carts.listOfCustomer(caller.shopper().customerId(), page).map(CartResponse::of);
    }

    static Response ok(CartView view) {
        return Response.ok(CartResponse.of(view)).tag(Versions.etag(view.cart().version())).build();
    }
}
