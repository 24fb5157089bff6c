package dev.commerce.cart.domain.promotion;

import java.math.BigDecimal;
import java.util.Map;

/**
 * When a promotion applies: a minimum subtotal per currency, a minimum number of units, a customer's first order
 * (no confirmed order yet), or repeat customers (at least {@code minConfirmedOrders}). Absent means no condition.
 */
public record PromotionConditions(Map<String, BigDecimal> minSubtotal, Integer minQuantity, Boolean firstOrder,
                                  Integer minConfirmedOrders) {

    public static final PromotionConditions NONE = new PromotionConditions(Map.of(), null, null, null);

    public PromotionConditions {
        minSubtotal = minSubtotal == null ? Map.of() : Map.copyOf(minSubtotal);
    }
}
