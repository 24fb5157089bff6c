package dev.commerce.payment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.payment.application.Payments;
import dev.commerce.payment.domain.Amounts;
import dev.commerce.payment.domain.Payment;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * payment's part of the checkout saga, through the inbox: {@code payment-requested} starts an attempt,
 * {@code order-shipped} captures its amount, {@code order-cancelled} voids a live authorization,
 * {@code return-received} refunds. Each is idempotent per attempt, shipment and return.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    private final Payments payments;
    private final ObjectMapper json;

    public OrderEventsConsumer(Payments payments, ObjectMapper json) {
        this.payments = payments;
        this.json = json;
    }

    @Override
    public String name() {
        return "payment-service.orders";
    }

    @Override
    public Set<String> topics() {
        return Set.of("order.v1");
    }

    @Override
    public void handle(IncomingEvent event) throws Exception {
        JsonNode payload = json.readTree(event.payload());
        switch (event.type() == null ? "" : event.type()) {
            case "commerce.order.payment-requested.v1" -> requested(payload);
            case "commerce.order.order-shipped.v1" -> shipped(payload);
            case "commerce.order.order-cancelled.v1" -> cancelled(payload);
            case "commerce.order.return-received.v1" -> returned(payload);
            default -> LOG.debugf("Ignoring %s: payment does not act on it", event.type());
        }
    }

    private void requested(JsonNode payload) {
        String currency = text(payload, "currency");
        payments.start(new Payments.AttemptRequest(uuid(payload, "orderId"), uuid(payload, "paymentAttemptId"),
                text(payload, "customerId"), Amounts.parse("amount", text(payload, "amount"), currency), currency,
                text(payload, "paymentMethod"), payload.path("billingCountry").asText(null),
                payload.path("shippingCountry").asText(null)));
    }

    private void shipped(JsonNode payload) {
        UUID orderId = uuid(payload, "orderId");
        JsonNode capture = payload.path("captureAmount");
        String currency = text(capture, "currency");
        BigDecimal amount = Amounts.parse("captureAmount", text(capture, "amount"), currency);
        Payment payment = payments.liveOfOrder(orderId).orElseThrow(() ->
                new IllegalStateException("order " + orderId + " was shipped but has no live authorization to capture"));
        payments.capture(payment.id(), amount, currency, "shipment:" + uuid(payload, "shipmentId"));
    }

    private void cancelled(JsonNode payload) {
        UUID orderId = uuid(payload, "orderId");
        Optional<Payment> live = payments.liveOfOrder(orderId);
        if (live.isEmpty()) {
            return; // nothing held for the order
        }
        if (live.get().status() == Payment.Status.CAPTURED) {
            LOG.warnf("Order %s was cancelled after a capture: the money is refunded through a return, not voided", orderId);
            return;
        }
        payments.voidPayment(live.get().id(), "ORDER_CANCELLED");
    }

    private void returned(JsonNode payload) {
        UUID orderId = uuid(payload, "orderId");
        UUID returnId = uuid(payload, "returnId");
        JsonNode refund = payload.path("refundAmount");
        String currency = text(refund, "currency");
        BigDecimal amount = Amounts.parse("refundAmount", text(refund, "amount"), currency);
        Payment payment = payments.capturedOfOrder(orderId).orElseThrow(() ->
                new IllegalStateException("return " + returnId + " of order " + orderId + " has no captured payment to refund"));
        payments.refund(payment.id(), amount, currency, "return:" + returnId, returnId);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the event has no " + field);
        }
        return value;
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(text(node, field));
    }
}
