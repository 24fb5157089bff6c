package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.persistence.PromotionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Promotion codes on a cart. A code that does not exist, has ended or is used up is refused with a 422 that says
 * which; a valid code whose conditions the cart does not meet yet is kept, and the cart says what is missing.
 */
@ApplicationScoped
@Transactional
public class CartCoupons {

    static final int MAX_COUPONS = 5;

    private final CartAccess access;
    private final PromotionRepository promotions;
    private final PromotionLimits limits;
    private final CartPricing pricing;
    private final Clock clock;

    public CartCoupons(CartAccess access, PromotionRepository promotions, PromotionLimits limits,
                       CartPricing pricing, Clock clock) {
        this.access = access;
        this.promotions = promotions;
        this.limits = limits;
        this.pricing = pricing;
        this.clock = clock;
    }

    public CartView add(UUID cartId, Shopper shopper, LongConsumer precondition, String rawCode) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        Instant now = Instant.now(clock);
        PromotionCode code = promotions.code(rawCode).orElseThrow(() -> refused("coupon-invalid", "Invalid code",
                "no promotion has the code " + PromotionCode.normalize(rawCode)));
        Promotion promotion = promotions.findById(code.promotionId());
        if (promotion == null || !promotion.active() || promotion.automatic()) {
            throw refused("coupon-invalid", "Invalid code", "the code " + code.code() + " is not valid");
        }
        if (promotion.endsAt() != null && !now.isBefore(promotion.endsAt())) {
            throw refused("coupon-expired", "Expired code", "the code " + code.code() + " expired at " + promotion.endsAt());
        }
        if (promotion.startsAt() != null && now.isBefore(promotion.startsAt())) {
            throw refused("coupon-not-started", "Code not valid yet", "the code " + code.code() + " is valid from " + promotion.startsAt());
        }
        limits.exhausted(promotion, code, PromotionLimits.customerKey(cart)).ifPresent(why -> {
            throw refused("coupon-used-up", "Used-up code", why);
        });
        if (!cart.addCoupon(code.code(), MAX_COUPONS, now)) {
            return pricing.view(cart);
        }
        return changed(cart);
    }

    public CartView remove(UUID cartId, Shopper shopper, LongConsumer precondition, String rawCode) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        cart.removeCoupon(PromotionCode.normalize(rawCode), Instant.now(clock));
        return changed(cart);
    }

    private CartView changed(Cart cart) {
        return access.saveChange(cart);
    }

    private static CartRuleViolation refused(String rule, String title, String message) {
        return (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, rule, title, message);
    }
}
