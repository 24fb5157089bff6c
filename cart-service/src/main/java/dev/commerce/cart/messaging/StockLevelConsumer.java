package dev.commerce.cart.messaging;

import dev.commerce.cart.application.StockUpdates;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Feeds the availability read model from the compacted {@code inventory.stock-level.v1} ({@link StockUpdates}). */
@ApplicationScoped
public class StockLevelConsumer implements EventConsumer {

    record StockLevelChanged(String sku, long available, String status) {
        StockLevelChanged {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("the event has no sku");
            }
        }
    }

    private final EventHandlers handlers;

    public StockLevelConsumer(StockUpdates stock) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.STOCK_LEVEL_CHANGED, StockLevelChanged.class, (level, event) ->
                        stock.levelChanged(level.sku(), event.sequence(), level.available(), level.status()))
                .build();
    }

    @Override
    public String name() {
        return StockUpdates.CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INVENTORY_STOCK_LEVEL);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
