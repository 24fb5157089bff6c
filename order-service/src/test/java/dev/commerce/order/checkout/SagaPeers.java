package dev.commerce.order.checkout;

import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestEvents;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * inventory and payment as order-service's tests play them: their answers published on their topics, and
 * order-service's events on {@code order.v1} read back, each checked against its contract.
 */
final class SagaPeers implements AutoCloseable {

    static final String RESERVATIONS = "inventory.reservation.v1";
    static final String PAYMENTS = "payment.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final TestEvents inventory = TestEvents.as("inventory-service");
    private final TestEvents payment = TestEvents.as("payment-service");
    private final EventProbe orderEvents = EventProbe.of("order.v1");
    private long sequence;

    static void ensureTopics() {
        TestEvents.ensureTopic(RESERVATIONS);
        TestEvents.ensureTopic(PAYMENTS);
        TestEvents.ensureTopic("order.v1");
    }

    /** The {@code count}-th event of {@code name} (e.g. "order-placed") of the order, validated; its payload. */
    JsonPath orderEvent(String orderId, String name, int count) {
        String type = "commerce.order." + name + ".v1";
        List<EventProbe.ReceivedEvent> events = orderEvents.awaitEvents(e -> orderId.equals(e.key())
                && type.equals(e.header("ce_type")), count, DEADLINE);
        EventProbe.ReceivedEvent event = events.get(count - 1);
        EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
        EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
        return JsonPath.from(event.payload());
    }

    JsonPath orderEvent(String orderId, String name) {
        return orderEvent(orderId, name, 1);
    }

    /** The types of the order's events so far ("order-placed", "payment-requested", ...). */
    List<String> orderEvents(String orderId) {
        return orderEvents.received().stream().filter(e -> orderId.equals(e.key()))
                .map(e -> e.header("ce_type").replace("commerce.order.", "").replace(".v1", "")).toList();
    }

    void stockReserved(String orderId, Instant expiresAt) {
        inventory.publish(RESERVATIONS, "commerce.inventory.stock-reserved.v1", orderId, ++sequence, """
                {"orderId":"%s","reservationId":"%s","lines":[{"sku":"SKU-1","quantity":1,"warehouseId":"%s"}],"expiresAt":"%s"}"""
                .formatted(orderId, UUID.randomUUID(), UUID.randomUUID(), expiresAt));
    }

    void stockReserved(String orderId) {
        stockReserved(orderId, Instant.now().plusSeconds(900));
    }

    void stockRejected(String orderId, String sku, int requested, int available) {
        inventory.publish(RESERVATIONS, "commerce.inventory.stock-reservation-rejected.v1", orderId, ++sequence, """
                {"orderId":"%s","lines":[{"sku":"%s","requested":%d,"available":%d}]}""".formatted(orderId, sku, requested, available));
    }

    void reservationExpired(String orderId) {
        inventory.publish(RESERVATIONS, "commerce.inventory.stock-reservation-expired.v1", orderId, ++sequence, """
                {"orderId":"%s","reservationId":"%s"}""".formatted(orderId, UUID.randomUUID()));
    }

    void commitFailed(String orderId) {
        inventory.publish(RESERVATIONS, "commerce.inventory.stock-commit-failed.v1", orderId, ++sequence, """
                {"orderId":"%s","lines":[{"sku":"SKU-1","requested":1,"available":0}]}""".formatted(orderId));
    }

    /** payment-authorized for the attempt; returns the event id, for a redelivery. */
    String authorized(String orderId, String attemptId, String amount, boolean review) {
        return payment.publish(PAYMENTS, "commerce.payment.payment-authorized.v1", orderId, ++sequence, """
                {"paymentId":"%s","paymentAttemptId":"%s","orderId":"%s","amount":"%s","currency":"EUR","provider":"test",
                 "riskScore":%d,"flaggedForReview":%b}""".formatted(UUID.randomUUID(), attemptId, orderId, amount,
                review ? 60 : 5, review));
    }

    void redeliverAuthorized(String orderId, String attemptId, String amount, String eventId) {
        payment.publish(PAYMENTS, "commerce.payment.payment-authorized.v1", orderId, sequence, """
                {"paymentId":"%s","paymentAttemptId":"%s","orderId":"%s","amount":"%s","currency":"EUR","provider":"test",
                 "riskScore":5,"flaggedForReview":false}""".formatted(UUID.randomUUID(), attemptId, orderId, amount), eventId);
    }

    void declined(String orderId, String attemptId, String reason) {
        payment.publish(PAYMENTS, "commerce.payment.payment-declined.v1", orderId, ++sequence, """
                {"paymentId":"%s","paymentAttemptId":"%s","orderId":"%s","reasonCode":"%s"}"""
                .formatted(UUID.randomUUID(), attemptId, orderId, reason));
    }

    void actionRequired(String orderId, String attemptId, String url) {
        payment.publish(PAYMENTS, "commerce.payment.payment-action-required.v1", orderId, ++sequence, """
                {"paymentId":"%s","paymentAttemptId":"%s","orderId":"%s","action":{"type":"REDIRECT","url":"%s"}}"""
                .formatted(UUID.randomUUID(), attemptId, orderId, url));
    }

    void voided(String orderId, String attemptId) {
        payment.publish(PAYMENTS, "commerce.payment.payment-voided.v1", orderId, ++sequence, """
                {"paymentId":"%s","paymentAttemptId":"%s","orderId":"%s","reason":"AUTHORIZATION_EXPIRED"}"""
                .formatted(UUID.randomUUID(), attemptId, orderId));
    }

    void captured(String orderId, String amount) {
        payment.publish(PAYMENTS, "commerce.payment.payment-captured.v1", orderId, ++sequence, """
                {"paymentId":"%s","orderId":"%s","amount":{"amount":"%s","currency":"EUR"}}"""
                .formatted(UUID.randomUUID(), orderId, amount));
    }

    void refunded(String orderId, String refundId, String amount) {
        payment.publish(PAYMENTS, "commerce.payment.payment-refunded.v1", orderId, ++sequence, """
                {"paymentId":"%s","orderId":"%s","amount":{"amount":"%s","currency":"EUR"},"refundId":"%s"}"""
                .formatted(UUID.randomUUID(), orderId, amount, refundId));
    }

    @Override
    public void close() {
        inventory.close();
        payment.close();
        orderEvents.close();
    }
}
