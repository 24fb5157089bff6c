package dev.commerce.inventory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A partner's or point-of-sale system's request to hold an order's lines. */
@Schema(name = "ReservationRequest")
public record ReservationRequest(
        @NotNull @Schema(description = "The order the stock is held for; also the Idempotency-Key") UUID orderId,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines,
        @Positive @Max(86_400)
        @Schema(description = "How long to hold the stock, in seconds; the service's configured lifetime when absent",
                examples = "900") Integer holdSeconds) {

    @Schema(name = "ReservationRequestLine")
    public record Line(
            @NotNull @Pattern(regexp = StockResource.SKU) @Schema(examples = "TR-42-BLU") String sku,
            @NotNull @Positive @Max(100_000) @Schema(examples = "2") Integer quantity) {
    }

    /** Units per SKU, repeated SKUs merged, in line order. */
    Map<String, Integer> units() {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }
}
