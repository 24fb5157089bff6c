package dev.commerce.cart.application;

import dev.commerce.cart.persistence.StockLevelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Keeps the availability read model from inventory's levels; a level older than the applied one is ignored. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockUpdates {

    public static final String CONSUMER = "cart-service.stock-levels";

    private final StockLevelRepository levels;
    private final Clock clock;

    public StockUpdates(StockLevelRepository levels, Clock clock) {
        this.levels = levels;
        this.clock = clock;
    }

    /** Applies the SKU's level unless one of the same or a later sequence was applied; says whether it did. */
    public boolean levelChanged(String sku, long sequence, long available, String status) {
        return levels.applyNewer(sku, sequence, available, status == null ? "OUT_OF_STOCK" : status, Instant.now(clock));
    }
}
