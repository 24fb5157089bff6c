package dev.commerce.inventory.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.inventory.application.Reservations;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * inventory's part of the checkout saga, through the inbox: {@code order-placed} reserves, {@code order-confirmed}
 * commits, {@code order-cancelled} releases, {@code return-received} restocks. Every order gets an answer: a
 * confirmation that cannot be committed emits {@code stock-commit-failed}; an event that is not valid is refused
 * (and dead-lettered) with the reason.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    static final String ORDER_TOPIC = "order.v1";
    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    private final Reservations reservations;
    private final ReservationEvents events;
    private final ObjectMapper json;

    public OrderEventsConsumer(Reservations reservations, ReservationEvents events, ObjectMapper json) {
        this.reservations = reservations;
        this.events = events;
        this.json = json;
    }

    @Override
    public String name() {
        return "inventory-service.orders";
    }

    @Override
    public Set<String> topics() {
        return Set.of(ORDER_TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) throws Exception {
        String type = event.type() == null ? "" : event.type();
        JsonNode payload = json.readTree(event.payload());
        String actor = "event:" + event.id();
        switch (type) {
            case "commerce.order.order-placed.v1" ->
                    reservations.reserve(orderId(payload), units(payload), null, actor);
            case "commerce.order.order-confirmed.v1" -> commit(orderId(payload), actor);
            case "commerce.order.order-cancelled.v1" -> reservations.release(orderId(payload), actor);
            case "commerce.order.return-received.v1" -> reservations.restockReturn(uuid(payload, "returnId"),
                    orderId(payload), units(payload), actor);
            default -> LOG.debugf("Ignoring %s: inventory does not act on it", type);
        }
    }

    /** A confirmation always gets an answer: committed, or stock-commit-failed when there is nothing to commit. */
    private void commit(UUID orderId, String actor) {
        reservations.commit(orderId, actor).ifPresentOrElse(commit -> {
            if (commit.result() == Reservations.CommitResult.NOT_ACTIVE) {
                events.commitFailed(orderId, commit.reservation().id(), commit.reservation().shortages());
            }
        }, () -> events.commitFailed(orderId, null, List.of()));
    }

    private static UUID orderId(JsonNode payload) {
        return uuid(payload, "orderId");
    }

    private static UUID uuid(JsonNode payload, String field) {
        String text = payload.path(field).asText(null);
        if (text == null) {
            throw new IllegalArgumentException("the event has no " + field);
        }
        return UUID.fromString(text);
    }

    /** Units per SKU of the event's lines (repeated SKUs merged); refuses empty lines and non-positive quantities. */
    private static Map<String, Integer> units(JsonNode payload) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (JsonNode line : payload.path("lines")) {
            String sku = line.path("sku").asText("");
            int quantity = line.path("quantity").asInt(0);
            if (sku.isBlank() || sku.length() > 64 || quantity <= 0) {
                throw new IllegalArgumentException("line " + line + " needs a SKU and a positive quantity");
            }
            units.merge(sku, quantity, Math::addExact);
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the event has no lines");
        }
        return units;
    }
}
