package dev.commerce.inventory.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * {@code stock-level-changed} on the compacted {@code inventory.stock-level.v1} (key = SKU): the SKU's totals over
 * active warehouses as they are now, recorded through the outbox in the transaction that changed them.
 */
@ApplicationScoped
public class StockLevelEvents {

    public static final String TOPIC = Topics.INVENTORY_STOCK_LEVEL;
    static final EventType STOCK_LEVEL_CHANGED = EventType.of(EventTypes.STOCK_LEVEL_CHANGED);

    /** The payload: contracts/schemas/inventory/stock-level-changed.v1.json. */
    public record StockLevelChanged(String sku, long onHand, long reserved, long available, String status,
                                    LocalDate expectedRestockDate) {
    }

    private final Outbox outbox;

    public StockLevelEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(StockLevelChanged level) {
        outbox.record(TOPIC, STOCK_LEVEL_CHANGED, level.sku(), level);
    }
}
