package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.messaging.StockLevelEvents;
import dev.commerce.inventory.persistence.StockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Announces SKUs' levels as they are in this transaction ({@code stock-level-changed}, totals over active
 * warehouses), in sorted SKU order so a transaction's events always come out in the same order. (The outbox takes
 * the SKUs' sequence rows at commit, sorted, after every stock row this transaction locked.)
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LevelAnnouncer {

    private final StockRepository stock;
    private final StockLevelEvents events;

    public LevelAnnouncer(StockRepository stock, StockLevelEvents events) {
        this.stock = stock;
        this.events = events;
    }

    /** Announces SKUs after reading their totals and policies. */
    public void announce(Collection<String> skus) {
        stock.flush();
        for (String sku : new TreeSet<>(skus)) {
            StockRepository.Totals totals = stock.totals(List.of(sku)).getOrDefault(sku, new StockRepository.Totals(sku, 0, 0));
            announce(sku, totals, stock.policy(sku).orElse(null));
        }
    }

    /**
     * Announces one SKU whose totals the caller knows (it holds every item of the SKU locked); a null policy is
     * the default one. Callers announcing several SKUs go in sorted order, as above.
     */
    public void announce(String sku, StockRepository.Totals totals, SkuPolicy policy) {
        SkuPolicy effective = policy == null ? new SkuPolicy(sku) : policy;
        events.changed(new StockLevelEvents.StockLevelChanged(sku, totals.onHand(), totals.reserved(), totals.available(),
                effective.statusOf(totals.available()).name(), effective.expectedRestockDate()));
    }
}
