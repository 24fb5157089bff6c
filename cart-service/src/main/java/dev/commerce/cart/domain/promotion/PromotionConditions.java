package dev.commerce.cart.domain.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * When a promotion applies: a minimum subtotal per currency, a minimum number of units, a customer's first order
 * (no confirmed order yet), repeat customers (at least {@code minConfirmedOrders}), or members of any of
 * {@code customerGroups} (customer-service's groups). Absent means no condition.
 */
public record PromotionConditions(Map<String, BigDecimal> minSubtotal, Integer minQuantity, Boolean firstOrder,
                                  Integer minConfirmedOrders, List<String> customerGroups) {

    public static final PromotionConditions NONE = new PromotionConditions(Map.of(), null, null, null, List.of());

    public PromotionConditions {
        minSubtotal = minSubtotal == null ? Map.of() : Map.copyOf(minSubtotal);
        customerGroups = customerGroups == null ? List.of() : List.copyOf(customerGroups);
    }
}
