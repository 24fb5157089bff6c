package dev.commerce.order.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.order.domain.fulfillment.Shipment;
import dev.commerce.order.domain.fulfillment.SkuQuantity;
import dev.commerce.order.domain.saga.CancelReason;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The order's events on {@code order.v1} (key = order id), recorded through the outbox in the transaction of the
 * change. Payloads: contracts/schemas/order/*.v1.json; optional members are left out rather than sent as null.
 */
@ApplicationScoped
public class OrderEvents {

    static final EventType PLACED = EventType.of(EventTypes.ORDER_PLACED);
    static final EventType PAYMENT_REQUESTED = EventType.of(EventTypes.PAYMENT_REQUESTED);
    static final EventType CONFIRMED = EventType.of(EventTypes.ORDER_CONFIRMED);
    static final EventType CANCELLED = EventType.of(EventTypes.ORDER_CANCELLED);
    static final EventType VOID_REQUESTED = EventType.of(EventTypes.AUTHORIZATION_VOID_REQUESTED);
    static final EventType SHIPPED = EventType.of(EventTypes.ORDER_SHIPPED);
    static final EventType DELIVERED = EventType.of(EventTypes.ORDER_DELIVERED);
    static final EventType RETURN_REQUESTED = EventType.of(EventTypes.RETURN_REQUESTED);
    static final EventType RETURN_RECEIVED = EventType.of(EventTypes.RETURN_RECEIVED);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacedLine(String sku, UUID productId, String name, int quantity, Money unitPrice, Money lineTotal) {
    }

    public record Totals(String subtotal, String discount, String shipping, String tax, String grandTotal, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacedAddress(String name, String line1, String line2, String city, String postalCode, String region,
                                String country) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderPlaced(UUID orderId, String orderNumber, UUID cartId, String customerId, String email,
                              List<PlacedLine> lines, Totals totals, PlacedAddress shippingAddress, String paymentMethod,
                              JsonNode checkout) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentRequested(UUID orderId, UUID paymentAttemptId, String amount, String currency, String paymentMethod,
                                   String customerId, String email, String billingCountry, String shippingCountry) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderConfirmed(UUID orderId, String orderNumber, String customerId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderCancelled(UUID orderId, CancelReason reason, String detail) {
    }

    public record AuthorizationVoidRequested(UUID orderId, UUID paymentAttemptId, String reason) {
    }

    public record Units(String sku, int quantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderShipped(UUID orderId, UUID shipmentId, String carrier, String trackingNumber, List<Units> lines,
                               Money captureAmount) {
    }

    public record OrderDelivered(UUID orderId, UUID shipmentId, Instant deliveredAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReturnRequested(UUID orderId, UUID returnId, String reason, List<Units> lines, Money refundAmount) {
    }

    public record ReturnReceived(UUID orderId, UUID returnId, List<Units> lines, Money refundAmount) {
    }

    private final Outbox outbox;
    private final ObjectMapper json;

    public OrderEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void placed(Order order) {
        JsonNode checkout = checkoutOf(order);
        List<PlacedLine> lines = new ArrayList<>();
        checkout.path("lines").forEach(line -> lines.add(new PlacedLine(line.path("sku").asText(),
                line.hasNonNull("productId") ? UUID.fromString(line.get("productId").asText()) : null,
                text(line, "name"), line.path("quantity").asInt(), money(line.path("unitPrice")), money(line.path("lineTotal")))));
        JsonNode totals = checkout.path("totals");
        record(order, PLACED, new OrderPlaced(order.id(), order.orderNumber(), order.cartId(), order.customerId(),
                order.email(), lines, new Totals(amount(totals, "subtotal"), amount(totals, "discount"),
                amount(totals, "shipping"), amount(totals, "tax"), amount(totals, "grandTotal"), order.currency()),
                address(checkout.path("shippingAddress")), order.paymentMethod(), checkout));
    }

    public void paymentRequested(Order order, UUID attemptId) {
        JsonNode checkout = checkoutOf(order);
        record(order, PAYMENT_REQUESTED, new PaymentRequested(order.id(), attemptId,
                Money.format(order.grandTotal(), order.currency()), order.currency(), order.paymentMethod(),
                order.customerId(), order.email(), text(checkout.path("billingAddress"), "country"),
                text(checkout.path("shippingAddress"), "country")));
    }

    public void confirmed(Order order) {
        record(order, CONFIRMED, new OrderConfirmed(order.id(), order.orderNumber(), order.customerId()));
    }

    public void cancelled(Order order, CancelReason reason, String detail) {
        record(order, CANCELLED, new OrderCancelled(order.id(), reason, detail));
    }

    public void voidRequested(Order order, UUID attemptId, String reason) {
        record(order, VOID_REQUESTED, new AuthorizationVoidRequested(order.id(), attemptId, reason));
    }

    /** payment-service captures {@code captureAmount}; the rule that sets it is in {@code Fulfillment}. */
    public void shipped(Order order, Shipment shipment) {
        record(order, SHIPPED, new OrderShipped(order.id(), shipment.id(), shipment.carrier(), shipment.trackingNumber(),
                units(shipment.lines()), Money.of(shipment.captureAmount(), shipment.currency())));
    }

    public void delivered(Order order, Shipment shipment) {
        record(order, DELIVERED, new OrderDelivered(order.id(), shipment.id(), shipment.deliveredAt()));
    }

    /** The warehouse (and an ERP) learn which goods are on their way back. */
    public void returnRequested(Order order, OrderReturn orderReturn) {
        record(order, RETURN_REQUESTED, new ReturnRequested(order.id(), orderReturn.id(), orderReturn.reason(),
                units(orderReturn.lines()), Money.of(orderReturn.refundAmount(), orderReturn.currency())));
    }

    /** inventory restocks the lines, payment refunds the amount. */
    public void returnReceived(Order order, OrderReturn orderReturn) {
        record(order, RETURN_RECEIVED, new ReturnReceived(order.id(), orderReturn.id(), units(orderReturn.lines()),
                Money.of(orderReturn.refundAmount(), orderReturn.currency())));
    }

    private static List<Units> units(List<SkuQuantity> lines) {
        return lines.stream().map(line -> new Units(line.sku(), line.quantity())).toList();
    }

    private void record(Order order, EventType type, Object payload) {
        outbox.record(Topics.ORDER, type, order.id().toString(), payload);
    }

    private JsonNode checkoutOf(Order order) {
        try {
            return json.readTree(order.checkoutJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("order " + order.id() + " holds a checkout snapshot that is not JSON", e);
        }
    }

    private static PlacedAddress address(JsonNode address) {
        if (address.isMissingNode() || address.isNull()) {
            return null;
        }
        String name = String.join(" ", java.util.stream.Stream.of(text(address, "firstName"), text(address, "lastName"))
                .filter(part -> part != null && !part.isBlank()).toList());
        return new PlacedAddress(name.isBlank() ? null : name, text(address, "line1"), text(address, "line2"),
                text(address, "city"), text(address, "postalCode"), text(address, "region"), text(address, "country"));
    }

    private static Money money(JsonNode money) {
        return new Money(money.path("amount").asText(), money.path("currency").asText());
    }

    private static String amount(JsonNode totals, String member) {
        return totals.path(member).path("amount").asText();
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
