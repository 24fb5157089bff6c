package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.persistence.PromotionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Usage limits of promotions and codes, counted over the usages checkouts redeemed: the promotion's total, the
 * code's own (1 for a single-use code), and the promotion's per customer (a guest is counted by the checkout email).
 */
@ApplicationScoped
public class PromotionLimits {

    private final PromotionRepository promotions;

    public PromotionLimits(PromotionRepository promotions) {
        this.promotions = promotions;
    }

    /** Who a usage counts against: the customer's id, else the cart's email (lower-case), else nobody yet. */
    public static String customerKey(Cart cart) {
        if (cart.customerId() != null) {
            return "customer:" + cart.customerId();
        }
        return cart.email() == null ? null : "email:" + cart.email().trim().toLowerCase(Locale.ROOT);
    }

    /** Why the promotion (through {@code code}, or automatically when null) cannot be used again, or empty. */
    public Optional<String> exhausted(Promotion promotion, PromotionCode code, String customerKey) {
        if (promotion.usageLimit() != null && promotions.redeemed(promotion.id()) >= promotion.usageLimit()) {
            return Optional.of("the promotion has been used up");
        }
        if (code != null && code.usageLimit() != null && promotions.redeemedWithCode(code.code()) >= code.usageLimit()) {
            return Optional.of("the code has been used up");
        }
        if (customerKey != null && promotion.perCustomerLimit() != null
                && promotions.redeemedBy(promotion.id(), customerKey) >= promotion.perCustomerLimit()) {
            return Optional.of("you have used this promotion as often as it allows");
        }
        return Optional.empty();
    }
}
