package dev.commerce.cart.api;

import dev.commerce.cart.application.CartCheckout;
import dev.commerce.cart.domain.CheckoutSnapshot;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The checkout hand-off, for order-service's service credential only. */
@Path("/carts/{cartId}/checkout")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Checkout hand-off", description = "order-service turns a cart into an order (service role only)")
@RolesAllowed(Roles.SERVICE)
public class CartCheckoutResource {

    @Schema(name = "CheckoutHandOff")
    public record HandOffRequest(@NotNull @Schema(description = "The order being placed; a retry with it answers the same snapshot")
                                 UUID orderId,
                                 @Size(max = 255) @Schema(description = "The cart's customer (the token's sub); null for a guest cart")
                                 String customerId) {
    }

    private final CartCheckout checkout;

    public CartCheckoutResource(CartCheckout checkout) {
        this.checkout = checkout;
    }

    @POST
    @Operation(operationId = "handOffCart", summary = "Freeze a cart for an order and return its checkout snapshot",
            description = "Validates (lines, availability, email, addresses, shipping method), redeems the promotions' usages "
                    + "atomically, freezes the cart (CHECKING_OUT: edits answer 409) and returns the priced snapshot "
                    + "(contracts/schemas/cart/checkout-snapshot.v1.json). Idempotent per orderId. Without order-placed "
                    + "for the order within commerce.cart.checkout-deadline the cart reopens and the usages are released.")
    @APIResponse(responseCode = "200", description = "The checkout snapshot")
    @APIResponse(responseCode = "403", description = "Not the service credential")
    @APIResponse(responseCode = "409", description = "insufficient-stock (lines with requested and available), unavailable-lines, "
            + "cart-owner-mismatch, cart-checking-out, cart-not-editable")
    @APIResponse(responseCode = "422", description = "cart-empty, checkout-details-missing, coupon-used-up")
    public CheckoutSnapshot handOff(@PathParam("cartId") UUID cartId, @Valid @NotNull HandOffRequest request) {
        return checkout.handOff(cartId, request.orderId(), request.customerId());
    }
}
