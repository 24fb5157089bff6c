package dev.commerce.cart.domain.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The discounts the promotions grant, in the fixed application order: amounts off single lines first, then an
 * amount off the order (prorated over the lines by what is left of them), then an amount off shipping. Tax is
 * computed afterwards, on what each line and the shipping really cost.
 */
public record Adjustments(Map<UUID, BigDecimal> lineDiscounts, BigDecimal orderDiscount, BigDecimal shippingDiscount) {

    public static final Adjustments NONE = new Adjustments(Map.of(), BigDecimal.ZERO, BigDecimal.ZERO);

    public Adjustments {
        lineDiscounts = Map.copyOf(lineDiscounts);
        if (orderDiscount.signum() < 0 || shippingDiscount.signum() < 0
                || lineDiscounts.values().stream().anyMatch(amount -> amount.signum() < 0)) {
            throw new IllegalArgumentException("discounts are not negative");
        }
    }

    public BigDecimal lineDiscount(UUID lineId) {
        return lineDiscounts.getOrDefault(lineId, BigDecimal.ZERO);
    }
}
