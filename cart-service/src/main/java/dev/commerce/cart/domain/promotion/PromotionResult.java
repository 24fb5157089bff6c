package dev.commerce.cart.domain.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the promotions grant one cart: amounts off lines, an amount off the order (to prorate), whether shipping is
 * free; which promotions applied with their amounts, and why the others did not (yet).
 */
public record PromotionResult(Map<UUID, BigDecimal> lineDiscounts, BigDecimal orderDiscount, List<Applied> applied,
                              List<NotApplied> notApplied) {

    /** An applied promotion and what it takes off ({@code freeShipping}: its amount is the shipping price). */
    public record Applied(UUID promotionId, String name, String code, BigDecimal amount, boolean freeShipping) {
    }

    /** A promotion that does not apply, with a stable reason and a message for the shopper ("add 12.00 EUR more"). */
    public record NotApplied(UUID promotionId, String name, String code, String reason, String message) {
    }

    public boolean freeShipping() {
        return applied.stream().anyMatch(Applied::freeShipping);
    }
}
