package dev.commerce.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the cart-line calls. */
final class CartItemRequests {

    private CartItemRequests() {
    }

    @Schema(name = "NewCartItem")
    record NewItem(
            @NotBlank @Size(max = 64) @Schema(description = "The variant's SKU", examples = "TR-42-BLU") String sku,
            @NotNull @Min(1) @Max(100_000) @Schema(description = "Units to add (to the SKU's line if the cart has one)",
                    examples = "1") Integer quantity) {
    }

    @Schema(name = "CartItemQuantity")
    record QuantityChange(
            @NotNull @Min(1) @Max(100_000) @Schema(description = "The line's new quantity", examples = "2") Integer quantity) {
    }
}
