package dev.commerce.cart.application;

import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLimits;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.cart.persistence.SellableVariantRepository;
import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sign-in merge: a guest cart's lines move into the customer's open cart (opened for the occasion when they have
 * none). Idempotent: merging a guest cart again answers the cart it went into.
 */
@ApplicationScoped
@Transactional
public class CartMerge {

    private final CartRepository carts;
    private final SellableVariantRepository variants;
    private final CartPricing pricing;
    private final CartEvents events;
    private final AdvisoryLocks locks;
    private final CartConfig config;
    private final Clock clock;

    public CartMerge(CartRepository carts, SellableVariantRepository variants, CartPricing pricing, CartEvents events,
                     AdvisoryLocks locks, CartConfig config, Clock clock) {
        this.carts = carts;
        this.variants = variants;
        this.pricing = pricing;
        this.events = events;
        this.locks = locks;
        this.config = config;
        this.clock = clock;
    }

    public CartView merge(String customerId, UUID guestCartId) {
        locks.lock(Carts.CUSTOMER_CART_LOCKS, customerId.hashCode());
        // both rows are locked in id order, the order every change of several carts follows (no deadlock)
        UUID targetId = carts.openCartOf(customerId).map(Cart::id).orElse(null);
        if (targetId != null && targetId.compareTo(guestCartId) < 0) {
            carts.findForUpdate(targetId);
        }
        Cart guest = carts.findForUpdate(guestCartId).filter(cart -> cart.customerId() == null || customerId.equals(cart.customerId()))
                .orElseThrow(() -> ProblemException.notFound("cart", guestCartId));
        if (guest.status() == Cart.Status.MERGED) {
            Cart into = carts.findByIdOptional(guest.mergedInto().orElseThrow()).orElseThrow();
            if (!customerId.equals(into.customerId())) {
                throw ProblemException.notFound("cart", guestCartId); // merged into someone else's cart: not theirs to see
            }
            return pricing.view(into);
        }
        Instant now = Instant.now(clock);
        Cart target;
        if (targetId == null) {
            target = new Cart(customerId, java.util.Currency.getInstance(guest.currency()), now);
            carts.persist(target);
        } else {
            target = carts.findForUpdate(targetId).orElseThrow();
        }
        List<String> leftBehind = target.mergeFrom(guest, variants::bySku,
                new CartLimits(config.maxQuantityPerLine(), config.maxLines()), now);
        CartView merged = pricing.afterChange(target);
        carts.flush();
        events.updated(pricing.view(guest));
        events.updated(merged);
        if (leftBehind.isEmpty()) {
            return merged;
        }
        return merged.withNotice(new CartView.Notice("lines-left-behind",
                "no longer for sale, not merged: " + String.join(", ", leftBehind)));
    }
}
