package dev.commerce.inventory.messaging;

import dev.commerce.platform.testing.TestEvents;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Plays order-service: publishes its saga events for one order, numbered in order, to {@code order.v1}. */
final class OrderEvents {

    static final String TOPIC = "order.v1";
    private final TestEvents events;
    private final String orderId;
    private final Map<String, Published> published = new java.util.HashMap<>();
    private long sequence;

    private record Published(String ceType, long sequence, String payload) {
    }

    OrderEvents(TestEvents events, String orderId) {
        this.events = events;
        this.orderId = orderId;
    }

    /** order-placed with one line per SKU; returns the event id. */
    String placed(Map<String, Integer> units) {
        return publish("order-placed", placedPayload(orderId, units));
    }

    /** The payload of order-placed for the order, one line per SKU. */
    static String placedPayload(String orderId, Map<String, Integer> units) {
        String lines = units.entrySet().stream().map(line -> """
                {"sku":"%s","quantity":%d,"unitPrice":{"amount":"10.00","currency":"EUR"},
                 "lineTotal":{"amount":"%d.00","currency":"EUR"}}""".formatted(line.getKey(), line.getValue(), 10 * line.getValue()))
                .collect(Collectors.joining(","));
        return """
                {"orderId":"%s","orderNumber":"C-1","cartId":"%s","customerId":"customer-1","lines":[%s],
                 "totals":{"subtotal":"10.00","discount":"0.00","shipping":"0.00","tax":"0.00","grandTotal":"10.00","currency":"EUR"}}"""
                .formatted(orderId, UUID.randomUUID(), lines);
    }

    /** The ce_type of an order event by its name ({@code order-placed}). */
    static String ceType(String name) {
        return "commerce.order." + name + ".v1";
    }

    String confirmed() {
        return publish("order-confirmed", "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"C-1\"}");
    }

    String cancelled() {
        return publish("order-cancelled", "{\"orderId\":\"" + orderId + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
    }

    String returnReceived(String returnId, String sku, int quantity) {
        return publish("return-received", """
                {"orderId":"%s","returnId":"%s","lines":[{"sku":"%s","quantity":%d}],
                 "refundAmount":{"amount":"10.00","currency":"EUR"}}""".formatted(orderId, returnId, sku, quantity));
    }

    /** Delivers an event again, as it was (Kafka's at-least-once delivery). */
    void redeliver(String eventId) {
        Published earlier = published.get(eventId);
        events.publish(TOPIC, earlier.ceType(), orderId, earlier.sequence(), earlier.payload(), eventId);
    }

    private String publish(String name, String payload) {
        long next = ++sequence;
        String id = events.publish(TOPIC, ceType(name), orderId, next, payload);
        published.put(id, new Published(ceType(name), next, payload));
        return id;
    }
}
