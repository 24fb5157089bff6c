package dev.commerce.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.Inbox;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Keeps the catalog's availability read model from {@code inventory.stock-level.v1}: one row per SKU with what
 * inventory last said. An event older than the one applied (by {@code ce_sequence}) is ignored, so a replay or a
 * late delivery never shows shoppers an outdated status. Storefront reads never call inventory.
 */
@ApplicationScoped
public class StockLevelConsumer implements EventConsumer {

    static final String NAME = "catalog-service.stock-levels";

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public StockLevelConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of("inventory.stock-level.v1");
    }

    @Override
    public void handle(IncomingEvent event) throws Exception {
        if (!"commerce.inventory.stock-level-changed.v1".equals(event.type())) {
            return;
        }
        JsonNode level = json.readTree(event.payload());
        String sku = level.path("sku").asText();
        if (sku.isBlank() || !inbox.advance(NAME, sku, event.sequence())) {
            return; // no SKU, or an event older than the one applied
        }
        String restock = level.path("expectedRestockDate").asText(null);
        entityManager.createNativeQuery("""
                        INSERT INTO sku_availability (sku, available, status, expected_restock_date, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available, status = EXCLUDED.status,
                            expected_restock_date = EXCLUDED.expected_restock_date, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, sku).setParameter(2, Math.max(0, level.path("available").asLong()))
                .setParameter(3, level.path("status").asText("OUT_OF_STOCK"))
                .setParameter(4, restock == null ? null : LocalDate.parse(restock))
                .setParameter(5, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }
}
