package dev.commerce.cart.application;

import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Announces abandoned carts ({@code cart-abandoned}, exactly once per period of inactivity, whatever the number of
 * instances: each takes the due carts' rows locked, skipping those another holds, and notes the announcement in the
 * same transaction as the outbox event) and deletes guest carts without shopper activity for the retention period.
 */
@ApplicationScoped
@Transactional
public class CartAbandonment {

    private static final Logger LOG = Logger.getLogger(CartAbandonment.class);

    private final CartRepository carts;
    private final CartPricing pricing;
    private final CartEvents events;
    private final CartConfig config;
    private final Clock clock;

    public CartAbandonment(CartRepository carts, CartPricing pricing, CartEvents events, CartConfig config, Clock clock) {
        this.carts = carts;
        this.pricing = pricing;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Announces up to {@code batch} abandoned carts; returns how many. */
    public int announceAbandoned(int batch) {
        Instant now = Instant.now(clock);
        List<Cart> due = carts.abandonedForUpdate(now.minus(config.abandonedAfter()), batch);
        for (Cart cart : due) {
            events.abandoned(pricing.view(cart));
            carts.markAbandoned(cart.id(), now);
        }
        if (!due.isEmpty()) {
            LOG.infof("Announced %d abandoned carts", due.size());
        }
        return due.size();
    }

    /** Deletes up to {@code batch} guest carts past their retention; returns how many. */
    public int deleteExpiredGuestCarts(int batch) {
        int deleted = carts.deleteGuestCartsInactiveSince(Instant.now(clock).minus(config.guestCartRetention()), batch);
        if (deleted > 0) {
            LOG.infof("Deleted %d guest carts without shopper activity for %s", deleted, config.guestCartRetention());
        }
        return deleted;
    }
}
