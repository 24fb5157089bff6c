package dev.commerce.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request bodies of the order API. */
final class OrderRequests {

    private OrderRequests() {
    }

    @Schema(name = "PlaceOrder")
    record PlaceOrder(@NotNull @Schema(description = "The cart to order; for a guest it is the capability to check it out")
                      UUID cartId,
                      @NotBlank @Size(max = 255) @Schema(description = "A payment provider's token, never card data",
                              examples = "tok_approved")
                      String paymentMethod) {
    }

    @Schema(name = "PaymentRetry")
    record PaymentRetry(@NotBlank @Size(max = 255) @Schema(description = "Another provider token", examples = "tok_approved")
                        String paymentMethod) {
    }

    @Schema(name = "OrderReviewDecision")
    record ReviewDecision(@NotNull @Schema(description = "true releases the hold; false cancels the order (the authorization is voided)")
                          Boolean approved) {
    }
}
