package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.domain.SellableVariant;
import dev.commerce.cart.domain.promotion.PromotionEngine;
import dev.commerce.cart.domain.promotion.PromotionLine;
import dev.commerce.cart.domain.promotion.PromotionOffer;
import dev.commerce.cart.domain.promotion.PromotionResult;
import dev.commerce.cart.persistence.PromotionRepository;
import dev.commerce.cart.persistence.SellableVariantRepository;
import dev.commerce.platform.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Weighs the promotions for a cart: the automatic ones in their window and the ones its codes unlock, minus those
 * used up; the engine then decides what applies ({@link PromotionEngine}). Categories of lines come from the
 * sellable-variant read model.
 */
@ApplicationScoped
public class CartPromotions {

    private final PromotionRepository promotions;
    private final PromotionLimits limits;
    private final SellableVariantRepository variants;
    private final OrderHistory history;
    private final Clock clock;

    public CartPromotions(PromotionRepository promotions, PromotionLimits limits, SellableVariantRepository variants,
                          OrderHistory history, Clock clock) {
        this.promotions = promotions;
        this.limits = limits;
        this.variants = variants;
        this.history = history;
        this.clock = clock;
    }

    public PromotionResult evaluate(Cart cart) {
        Instant now = Instant.now(clock);
        String customerKey = PromotionLimits.customerKey(cart);
        List<PromotionOffer> offers = new ArrayList<>();
        List<PromotionResult.NotApplied> usedUp = new ArrayList<>();
        for (Promotion promotion : promotions.automaticActiveAt(now)) {
            if (limits.exhausted(promotion, null, customerKey).isEmpty()) {
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
                new PromotionEngine.Buyer(cart.customerId() == null ? null : history.confirmedOrders(cart.customerId())),
                offers, now);
        List<PromotionResult.NotApplied> notApplied = new ArrayList<>(result.notApplied());
        notApplied.addAll(usedUp);
        return new PromotionResult(result.lineDiscounts(), result.orderDiscount(), result.applied(), notApplied);
    }

    private List<PromotionLine> lines(Cart cart) {
        List<CartLine> payable = cart.lines().stream().filter(CartLine::available).toList();
        Map<String, SellableVariant> bySku = variants.bySkus(payable.stream().map(CartLine::sku).toList()).stream()
                .collect(Collectors.toMap(SellableVariant::sku, Function.identity()));
        return payable.stream().map(line -> new PromotionLine(line.id(), line.sku(),
                        line.productId() == null ? null : line.productId().toString(),
                        bySku.containsKey(line.sku()) ? bySku.get(line.sku()).categoryIds().stream().map(UUID::toString).toList() : List.of(),
                        line.unitPrice(), line.quantity()))
                .toList();
    }
}
