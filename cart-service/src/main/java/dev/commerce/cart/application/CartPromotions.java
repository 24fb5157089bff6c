package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.domain.promotion.PromotionEngine;
import dev.commerce.cart.domain.promotion.PromotionLine;
import dev.commerce.cart.domain.promotion.PromotionOffer;
import dev.commerce.cart.domain.promotion.PromotionResult;
import dev.commerce.cart.persistence.PromotionRepository;
import dev.commerce.platform.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Weighs the promotions for a cart: the automatic ones in their window and the ones its codes unlock, minus those
 * used up; the engine then decides what applies ({@link PromotionEngine}). Lines carry their product's categories
 * in their snapshot.
 */
@ApplicationScoped
public class CartPromotions {

    private final PromotionRepository promotions;
    private final CartSettings settings;
    private final PromotionLimits limits;
    private final OrderHistory history;
    private final Clock clock;

    public CartPromotions(PromotionRepository promotions, CartSettings settings, PromotionLimits limits,
                          OrderHistory history, Clock clock) {
        this.promotions = promotions;
        this.settings = settings;
        this.limits = limits;
        this.history = history;
        this.clock = clock;
    }

    public PromotionResult evaluate(Cart cart) {
        Instant now = Instant.now(clock);
        String customerKey = PromotionLimits.customerKey(cart);
        List<PromotionOffer> offers = new ArrayList<>();
        List<PromotionResult.NotApplied> usedUp = new ArrayList<>();
        for (Promotion promotion : settings.current().automaticPromotions()) {
            if (promotion.activeAt(now) && limits.exhausted(promotion, null, customerKey).isEmpty()) {
                offers.add(promotion.offer(null));
            }
        }
        for (PromotionCode code : promotions.codes(cart.couponCodes())) {
            Promotion promotion = promotions.findById(code.promotionId());
            if (promotion == null || promotion.automatic()) {
                continue;
            }
            if (!promotion.active()) {
                usedUp.add(new PromotionResult.NotApplied(promotion.id(), promotion.name(), code.code(), "inactive",
                        "the promotion has ended"));
                continue;
            }
            var exhausted = limits.exhausted(promotion, code, customerKey);
            if (exhausted.isPresent()) {
                usedUp.add(new PromotionResult.NotApplied(promotion.id(), promotion.name(), code.code(), "used-up", exhausted.get()));
            } else {
                offers.add(promotion.offer(code.code()));
            }
        }
        if (offers.isEmpty() && usedUp.isEmpty()) {
            return new PromotionResult(Map.of(), java.math.BigDecimal.ZERO, List.of(), List.of());
        }
        PromotionResult result = PromotionEngine.apply(cart.currency(), Money.minorDigits(cart.currency()), lines(cart),
                cart.customerId() == null ? PromotionEngine.Buyer.GUEST
                        : new PromotionEngine.Buyer(history.confirmedOrders(cart.customerId()), history.groups(cart.customerId())),
                offers, now);
        List<PromotionResult.NotApplied> notApplied = new ArrayList<>(result.notApplied());
        notApplied.addAll(usedUp);
        return new PromotionResult(result.lineDiscounts(), result.orderDiscount(), result.applied(), notApplied);
    }

    private static List<PromotionLine> lines(Cart cart) {
        return cart.lines().stream().filter(CartLine::available).map(line -> new PromotionLine(line.id(), line.sku(),
                        line.productId() == null ? null : line.productId().toString(),
                        line.categoryIds().stream().map(UUID::toString).toList(), line.unitPrice(), line.quantity()))
                .toList();
    }
}
