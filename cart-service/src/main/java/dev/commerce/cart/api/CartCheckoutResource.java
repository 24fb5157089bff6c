package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    /** The documented example of the snapshot (CheckoutSnapshotExampleTest holds it to the contract). */
    static final String SNAPSHOT_EXAMPLE = """
            {"cartId":"4f1c2e9a-7d3b-4a8e-9c61-2b5d7e0f3a18","orderId":"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
             "customerId":"6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c","email":"ada@example.com","locale":"de-DE","currency":"EUR",
             "shippingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
             "billingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
             "shippingMethod":{"id":"3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b","name":"Standard",
              "price":{"amount":"4.90","currency":"EUR"},"discount":{"amount":"0.00","currency":"EUR"}},
             "lines":[{"lineId":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d","sku":"TR-42-BLU","productId":"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
              "name":"Trail Runner","options":{"size":"42"},"taxCategory":"standard","weightGrams":640,"quantity":1,
              "unitPrice":{"amount":"50.00","currency":"EUR"},"lineTotal":{"amount":"50.00","currency":"EUR"},
              "discounts":[{"kind":"order-share","amount":{"amount":"5.00","currency":"EUR"}}],"total":{"amount":"45.00","currency":"EUR"},
              "taxLines":[{"name":"VAT 19%","ratePercent":"19","amount":{"amount":"7.18","currency":"EUR"}}]}],
             "promotions":[{"promotionId":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e","name":"10% with a code","code":"SAVE10",
              "amount":{"amount":"5.00","currency":"EUR"},"freeShipping":false}],
             "codes":["SAVE10"],
             "totals":{"subtotal":{"amount":"50.00","currency":"EUR"},"discount":{"amount":"5.00","currency":"EUR"},
              "shipping":{"amount":"4.90","currency":"EUR"},"tax":{"amount":"7.96","currency":"EUR"},
              "taxBreakdown":[{"name":"VAT 19%","ratePercent":"19","taxable":{"amount":"49.90","currency":"EUR"},"tax":{"amount":"7.96","currency":"EUR"}}],
              "grandTotal":{"amount":"49.90","currency":"EUR"}},
             "pricesIncludeTax":true,"taxCountry":"DE","frozenAt":"2026-12-01T10:15:30Z"}""";

    @Schema(name = "CheckoutHandOff")
    public record HandOffRequest(@NotNull @Schema(description = "The order being placed; a retry with it answers the same snapshot")
                                 UUID orderId,
                                 @Size(max = 255) @Schema(examples = "6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c", description = "The cart's customer (the token's sub); null for a guest cart")
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
                    + "(contracts/schemas/cart/checkout-snapshot.v1.json), its lines priced from the catalog as this service "
                    + "knows it at the hand-off. Idempotent per orderId. Without order-placed "
                    + "for the order within commerce.cart.checkout-deadline the cart reopens and the usages are released.")
    @APIResponse(responseCode = "200", description = "The checkout snapshot", content = @Content(
            schema = @Schema(implementation = CheckoutSnapshot.class), examples = @ExampleObject(name = "snapshot", value = SNAPSHOT_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the service credential")
    @APIResponse(responseCode = "409", description = "insufficient-stock (lines with requested and available), unavailable-lines, "
            + "cart-owner-mismatch, cart-checking-out, cart-not-editable")
    @APIResponse(responseCode = "422", description = "cart-empty, checkout-details-missing, coupon-used-up")
    public CheckoutSnapshot handOff(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Valid @NotNull HandOffRequest request) {
        return checkout.handOff(cartId, request.orderId(), request.customerId());
    }
}
