package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Finds the cart a shopper may use: another customer's cart answers 404 like an unknown one, so its id cannot be
 * probed. A cart about to change is locked first, so changes to one cart happen one after the other; the change
 * ends with {@link #saveChange}.
 */
@ApplicationScoped
public class CartAccess {

    private final CartRepository carts;
    private final CartPricing pricing;
    private final CartEvents events;

    public CartAccess(CartRepository carts, CartPricing pricing, CartEvents events) {
        this.carts = carts;
        this.pricing = pricing;
        this.events = events;
    }

    /**
     * Ends a change of the cart: re-prices it (dropping a shipping method the change made ineligible), writes it
     * (the version moves) and records its cart-updated event in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CartView saveChange(Cart cart) {
        CartView view = pricing.afterChange(cart);
        carts.flush();
        events.updated(view);
        return view;
    }

    /** The cart to read (not to change: see {@link CartRepository#findWithLinesToRead}). */
    public Cart visible(UUID cartId, Shopper shopper) {
        return carts.findWithLinesToRead(cartId).filter(shopper::maySee)
                .orElseThrow(() -> ProblemException.notFound("cart", cartId));
    }

    /** The cart locked until the transaction ends; {@code precondition} sees its version under the lock (If-Match). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cart lockedForChange(UUID cartId, Shopper shopper, LongConsumer precondition) {
        Cart cart = carts.findForUpdate(cartId).filter(shopper::maySee)
                .orElseThrow(() -> ProblemException.notFound("cart", cartId));
        precondition.accept(cart.version());
        return cart;
    }
}
