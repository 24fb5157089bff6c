package dev.commerce.cart.domain.promotion;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A promotion as the engine weighs it for one cart: automatic ones apply by themselves, code ones because the cart
 * holds the code. Lower {@code priority} goes first. {@code exclusive}: nothing applies after it. Not
 * {@code combinable}: it applies only to a cart no promotion applied to before it, and nothing applies after it.
 */
public record PromotionOffer(UUID promotionId, String name, String code, int priority, boolean exclusive,
                             boolean combinable, Instant startsAt, Instant endsAt, PromotionConditions conditions,
                             PromotionAction action) {

    public PromotionOffer {
        Objects.requireNonNull(promotionId);
        Objects.requireNonNull(action);
        conditions = conditions == null ? PromotionConditions.NONE : conditions;
    }

    public boolean activeAt(Instant now) {
        return (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }
}
