package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** Opening and reading carts; each method is one transaction. */
@ApplicationScoped
@Transactional
public class Carts {

    /** Advisory lock space of "a customer opens their cart": one open cart per customer, also under a race. */
    static final int CUSTOMER_CART_LOCKS = 0x63617274; // "cart"

    private static final Logger LOG = Logger.getLogger(Carts.class);

    /** A cart opened now, or the customer's open cart returned instead of a second one. */
    public record Opened(CartView view, boolean created) {
    }

    private final CartRepository carts;
    private final CartAccess access;
    private final CartPricing pricing;
    private final CartEvents events;
    private final AdvisoryLocks locks;
    private final Clock clock;

    public Carts(CartRepository carts, CartAccess access, CartPricing pricing, CartEvents events, AdvisoryLocks locks, Clock clock) {
        this.carts = carts;
        this.access = access;
        this.pricing = pricing;
        this.events = events;
        this.locks = locks;
        this.clock = clock;
    }

    /** Opens a guest cart ({@code customerId} null) or returns the customer's open cart if they have one. */
    public Opened open(String customerId, Currency currency) {
        if (customerId != null) {
            locks.lock(CUSTOMER_CART_LOCKS, customerId.hashCode());
            var existing = carts.openCartOf(customerId);
            if (existing.isPresent()) {
                return new Opened(pricing.view(existing.get()), false);
            }
        }
        Cart cart = new Cart(customerId, currency, Instant.now(clock));
        carts.persistAndFlush(cart);
        CartView view = pricing.view(cart);
        events.updated(view);
        LOG.infof("Opened %s cart %s", customerId == null ? "guest" : "customer", cart.id());
        return new Opened(view, true);
    }

    /**
     * The cart, if the caller may see it; another customer's cart answers 404 like an unknown one, so ids of
     * other customers' carts cannot be probed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView get(UUID id, Shopper shopper) {
        return pricing.view(access.visible(id, shopper));
    }

    /** The signed-in customer's open cart. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView openCartOf(String customerId) {
        return carts.openCartOf(customerId).map(pricing::view).orElseThrow(() -> new ProblemException(404, "not-found",
                "Not found", "you have no open cart: open one with POST /carts"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CartView> listOfCustomer(String customerId, PageParams page) {
        return Page.fromLookahead(carts.pageOfCustomer(customerId, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, cart -> new TimeAndIdPosition(cart.createdAt(), cart.id()).cursor()).map(pricing::view);
    }
}
