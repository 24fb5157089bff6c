package dev.commerce.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Request bodies of the stock endpoints. */
public final class StockRequests {

    private static final int MAX_UNITS = 1_000_000_000;

    private StockRequests() {
    }

    @Schema(name = "StockCount")
    public record SetOnHand(
            @NotNull @PositiveOrZero @Max(MAX_UNITS) @Schema(description = "Units physically on hand", examples = "120") Integer onHand,
            @NotBlank @Size(max = 500) @Schema(examples = "Cycle count") String reason) {
    }

    @Schema(name = "StockAdjustment")
    public record Adjust(
            @NotNull @Max(MAX_UNITS) @jakarta.validation.constraints.Min(-MAX_UNITS)
            @Schema(description = "Units to add (positive) or remove (negative)", examples = "-2") Integer delta,
            @NotBlank @Size(max = 500) @Schema(examples = "Damaged in handling") String reason) {
    }

    @Schema(name = "StockReceipt")
    public record Receive(
            @NotNull @Positive @Max(MAX_UNITS) @Schema(examples = "48") Integer quantity,
            @Size(max = 255) @Schema(description = "Delivery note or purchase order", examples = "PO-2026-0042") String reference) {
    }

    @Schema(name = "SkuPolicy")
    public record Policy(
            @NotNull @PositiveOrZero @Max(MAX_UNITS) @Schema(description = "At or below this many available units the SKU is LOW_STOCK", examples = "5") Integer lowStockThreshold,
            @NotNull @Schema(description = "May be ordered when none is available") Boolean backorderable,
            @Schema(description = "Shown with BACKORDERABLE", examples = "2026-12-15") LocalDate expectedRestockDate) {
    }
}
