package dev.commerce.catalog.messaging;

import dev.commerce.catalog.application.AvailabilityUpdates;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Set;

/** Feeds the availability read model from {@code inventory.stock-level.v1} ({@link AvailabilityUpdates}). */
@ApplicationScoped
public class StockLevelConsumer implements EventConsumer {

    record StockLevelChanged(String sku, long available, String status, LocalDate expectedRestockDate) {
        StockLevelChanged {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("the event has no sku");
            }
        }
    }

    private final EventHandlers handlers;

    public StockLevelConsumer(AvailabilityUpdates availability) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.STOCK_LEVEL_CHANGED, StockLevelChanged.class, (level, event) ->
                        availability.levelChanged(level.sku(), event.sequence(), level.available(), level.status(),
                                level.expectedRestockDate()))
                .build();
    }

    @Override
    public String name() {
        return AvailabilityUpdates.CONSUMER;
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
