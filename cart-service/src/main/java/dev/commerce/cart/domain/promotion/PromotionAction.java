package dev.commerce.cart.domain.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a promotion grants. {@code percent} is 0..100; {@code amounts} are per currency. Line actions and buy X get
 * Y act on the lines {@code target} matches (every line when it names nothing).
 */
public record PromotionAction(Type type, BigDecimal percent, Map<String, BigDecimal> amounts, Target target,
                              Integer buyQuantity, Integer getQuantity, List<Tier> tiers) {

    public enum Type {
        /** A percentage off the goods, prorated over the lines. */
        ORDER_PERCENTAGE,
        /** An amount off the goods, prorated over the lines. */
        ORDER_FIXED,
        /** A percentage off each matching line. */
        LINE_PERCENTAGE,
        /** An amount off each matching unit. */
        LINE_FIXED,
        /** Shipping costs nothing. */
        FREE_SHIPPING,
        /** For every buyQuantity matching units bought, getQuantity more (the cheapest) are free or percent off. */
        BUY_X_GET_Y,
        /** Spend thresholds: the highest tier the goods reach grants its percentage or amount off the order. */
        TIERED
    }

    /** Which lines an action acts on: by SKU, product or category. */
    public record Target(List<String> skus, List<String> productIds, List<String> categoryIds) {

        public static final Target ALL = new Target(List.of(), List.of(), List.of());

        public Target {
            skus = skus == null ? List.of() : List.copyOf(skus);
            productIds = productIds == null ? List.of() : List.copyOf(productIds);
            categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
        }

        public boolean matches(PromotionLine line) {
            if (skus.isEmpty() && productIds.isEmpty() && categoryIds.isEmpty()) {
                return true;
            }
            return skus.contains(line.sku()) || productIds.contains(line.productId())
                    || line.categoryIds().stream().anyMatch(categoryIds::contains);
        }
    }

    /** A spend tier: from {@code thresholds} (per currency) on, {@code percent} or {@code amounts} off. */
    public record Tier(Map<String, BigDecimal> thresholds, BigDecimal percent, Map<String, BigDecimal> amounts) {
    }

    public PromotionAction {
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
        target = target == null ? Target.ALL : target;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }
}
