package dev.commerce.order.api;

import dev.commerce.order.domain.fulfillment.SkuQuantity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
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

    @Schema(name = "RequestedUnits")
    record Units(@NotBlank @Size(max = 64) @Schema(examples = "TR-42-BLU") String sku,
                 @NotNull @Min(1) @Max(100000) @Schema(examples = "1") Integer quantity) {
        SkuQuantity toUnits() {
            return new SkuQuantity(sku, quantity);
        }

        static List<SkuQuantity> all(List<Units> lines) {
            return lines.stream().map(Units::toUnits).toList();
        }
    }

    @Schema(name = "CreateShipment")
    record CreateShipment(@NotEmpty @Size(max = 200) @Schema(description = "Units that leave in this parcel") List<@Valid @NotNull Units> lines,
                          @Size(max = 64) @Schema(examples = "DHL") String carrier,
                          @Size(max = 128) @Schema(examples = "00340434161094042557") String trackingNumber) {
    }

    @Schema(name = "CreateReturn")
    record CreateReturn(@NotEmpty @Size(max = 200) @Schema(description = "Delivered units to send back") List<@Valid @NotNull Units> lines,
                        @Size(max = 500) @Schema(examples = "too small") String reason) {
    }
}
