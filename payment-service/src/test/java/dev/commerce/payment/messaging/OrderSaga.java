package dev.commerce.payment.messaging;

import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestEvents;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * One order as order-service drives it through the saga: publishes its events on {@code order.v1} in order, and
 * reads payment-service's answers on {@code payment.v1}, each checked against its contract.
 */
final class OrderSaga {

    static final String ORDER_TOPIC = "order.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    final String orderId = UUID.randomUUID().toString();
    final String customerId;
    private final TestEvents orderService;
    private final EventProbe payments;
    private long sequence;

    OrderSaga(TestEvents orderService, EventProbe payments, String customerId) {
        this.orderService = orderService;
        this.payments = payments;
        this.customerId = customerId;
    }

    /** payment-requested for a new attempt; returns the attempt id. */
    String requestPayment(String amount, String token, String billingCountry, String shippingCountry) {
        String attemptId = UUID.randomUUID().toString();
        publish("payment-requested", """
                {"orderId":"%s","paymentAttemptId":"%s","amount":"%s","currency":"EUR","paymentMethod":"%s",
                 "customerId":"%s","billingCountry":"%s","shippingCountry":"%s"}"""
                .formatted(orderId, attemptId, amount, token, customerId, billingCountry, shippingCountry));
        return attemptId;
    }

    /** payment-requested of a guest's order: no customer id, the checkout email instead; returns the attempt id. */
    String requestGuestPayment(String amount, String token, String email) {
        String attemptId = UUID.randomUUID().toString();
        publish("payment-requested", """
                {"orderId":"%s","paymentAttemptId":"%s","amount":"%s","currency":"EUR","paymentMethod":"%s",
                 "email":"%s","billingCountry":"DE","shippingCountry":"DE"}"""
                .formatted(orderId, attemptId, amount, token, email));
        return attemptId;
    }

    /** authorization-void-requested for one attempt. */
    String voidRequested(String attemptId) {
        return publish("authorization-void-requested", """
                {"orderId":"%s","paymentAttemptId":"%s","reason":"ORDER_CANCELLED"}""".formatted(orderId, attemptId));
    }

    String requestPayment(String amount, String token) {
        return requestPayment(amount, token, "DE", "DE");
    }

    /** order-shipped with the amount to capture; returns the event id (to deliver it again). */
    String shipped(String captureAmount) {
        return publish("order-shipped", """
                {"orderId":"%s","shipmentId":"%s","carrier":"DHL","trackingNumber":"T1","lines":[{"sku":"SKU-1","quantity":1}],
                 "captureAmount":{"amount":"%s","currency":"EUR"}}""".formatted(orderId, UUID.randomUUID(), captureAmount));
    }

    String cancelled() {
        return publish("order-cancelled", "{\"orderId\":\"" + orderId + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
    }

    String returned(String refundAmount) {
        return publish("return-received", """
                {"orderId":"%s","returnId":"%s","lines":[{"sku":"SKU-1","quantity":1}],
                 "refundAmount":{"amount":"%s","currency":"EUR"}}""".formatted(orderId, UUID.randomUUID(), refundAmount));
    }

    /** Delivers an event again with the id it had. */
    void redeliver(String eventId, String name, String payload) {
        orderService.publish(ORDER_TOPIC, "commerce.order." + name + ".v1", orderId, sequence, payload, eventId);
    }

    /** Waits for the {@code count}-th answer of a type for this order and returns its payload. */
    JsonPath answer(String name, int count) {
        List<EventProbe.ReceivedEvent> answers = payments.awaitEvents(e -> orderId.equals(e.key())
                && ("commerce.payment." + name + ".v1").equals(e.header("ce_type")), count, DEADLINE);
        EventProbe.ReceivedEvent answer = answers.get(count - 1);
        EventContracts.assertCatalogued(answer.header("ce_type"), answer.header("ce_source"));
        EventContracts.assertValidPayload(answer.header("ce_type"), answer.payload());
        return JsonPath.from(answer.payload());
    }

    JsonPath answer(String name) {
        return answer(name, 1);
    }

    /** Every answer type for this order so far, in order. */
    List<String> answers() {
        return payments.received().stream().filter(e -> orderId.equals(e.key()))
                .map(e -> e.header("ce_type").replace("commerce.payment.", "").replace(".v1", "")).toList();
    }

    private String publish(String name, String payload) {
        lastPayload = payload;
        lastEventId = orderService.publish(ORDER_TOPIC, "commerce.order." + name + ".v1", orderId, ++sequence, payload);
        return lastEventId;
    }

    /** The id and payload of the last event published, for a redelivery. */
    String lastEventId;
    String lastPayload;
}
