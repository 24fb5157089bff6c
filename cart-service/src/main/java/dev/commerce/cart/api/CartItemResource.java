package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.cart.application.CartItems;
import dev.commerce.platform.web.http.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * A cart's lines. Every call answers the whole cart with its new version as ETag; {@code If-Match} is honoured
 * (412 when stale) but not required, so two tabs adding at once both keep their lines.
 */
@Path("/carts/{cartId}/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts")
@PermitAll
public class CartItemResource {

    private final CartItems items;
    private final CallingShopper caller;
    private final HttpHeaders headers;

    public CartItemResource(CartItems items, CallingShopper caller, HttpHeaders headers) {
        this.items = items;
        this.caller = caller;
        this.headers = headers;
    }

    @POST
    @Operation(operationId = "addCartItem", summary = "Add units of a SKU",
            description = "The same SKU again adds to its line. The line keeps a snapshot of the SKU's name, options, "
                    + "image and price in the cart's currency.")
    @APIResponse(responseCode = "201", description = "A new line; Location names it",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "200", description = "Added to the SKU's existing line",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a quantity above the per-line maximum")
    @APIResponse(responseCode = "404", description = "Unknown cart, or another customer's")
    @APIResponse(responseCode = "409", description = "insufficient-stock (with the available quantity), or the cart is not open")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "422", description = "sku-not-sellable: unknown, archived or inactive SKU, or no price in the cart's currency")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response add(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Valid @NotNull CartItemRequests.NewItem request,
                        @Context UriInfo uri) {
        CartItems.Change change = items.add(cartId, caller.shopper(), precondition(), request.sku(), request.quantity());
        Response.ResponseBuilder response = change.newLine()
                ? Response.created(uri.getAbsolutePathBuilder().path(change.lineId().toString()).build())
                : Response.ok();
        return response.tag(Versions.etag(change.view().cart().version())).entity(CartResponse.of(change.view())).build();
    }

    @PATCH
    @Path("/{itemId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeCartItemQuantity", summary = "Change a line's quantity")
    @APIResponse(responseCode = "200", description = "The cart",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "409", description = "insufficient-stock, or the cart is not open")
    @APIResponse(responseCode = "422", description = "The cart has no such line")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response changeQuantity(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId,
                                   @Parameter(description = "The line's id") @PathParam("itemId") UUID itemId,
                                   @Valid @NotNull CartItemRequests.QuantityChange request) {
        return CartResource.ok(items.changeQuantity(cartId, caller.shopper(), precondition(), itemId, request.quantity()).view());
    }

    @DELETE
    @Path("/{itemId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removeCartItem", summary = "Remove a line")
    @APIResponse(responseCode = "200", description = "The cart without the line",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response remove(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId,
                           @Parameter(description = "The line's id") @PathParam("itemId") UUID itemId) {
        return CartResource.ok(items.remove(cartId, caller.shopper(), precondition(), itemId));
    }

    private LongConsumer precondition() {
        return version -> Versions.matchIfPresent(headers, version);
    }
}
