package dev.commerce.cart.application;

import dev.commerce.cart.domain.StockLevel;
import dev.commerce.cart.persistence.StockLevelRepository;
import dev.commerce.platform.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Keeps the availability read model from inventory's levels; a level older than the applied one is ignored. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockUpdates {

    public static final String CONSUMER = "cart-service.stock-levels";

    private final Inbox inbox;
    private final StockLevelRepository levels;
    private final Clock clock;

    public StockUpdates(Inbox inbox, StockLevelRepository levels, Clock clock) {
        this.inbox = inbox;
        this.levels = levels;
        this.clock = clock;
    }

    public boolean levelChanged(String sku, long sequence, long available, String status) {
        if (!inbox.advance(CONSUMER, sku, sequence)) {
            return false;
        }
        StockLevel level = levels.findByIdOptional(sku).orElse(null);
        if (level == null) {
            level = new StockLevel(sku);
            level.update(available, status, Instant.now(clock));
            levels.persist(level);
        } else {
            level.update(available, status, Instant.now(clock));
        }
        return true;
    }
}
