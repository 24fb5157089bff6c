package dev.commerce.order.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.commerce.platform.domain.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.order.application.OrderHistory;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderStatusChange;
import dev.commerce.order.domain.saga.CancelReason;
import dev.commerce.order.domain.saga.SagaStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.commerce.order.domain.fulfillment.OrderLine;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An order as the shopper's app and the back office read it. */
@Schema(name = "Order")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(UUID id, @Schema(examples = "R-2026-000187") String orderNumber, SagaStatus status, @Schema(examples = "6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c") String customerId, @Schema(examples = "ada@example.com") String email, UUID cartId,
                            @Schema(examples = "q7VxN2cLp9RtZ4wYb8KsMf3jHd6Ga1Ue", description = "Only in a guest's checkout answer: send it as X-Order-Token to read, "
                                    + "pay or cancel the order") String orderToken,
                            List<Line> lines, Totals totals, Money grandTotal,
                            @Schema(type = SchemaType.OBJECT, implementation = Object.class, examples = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"line1\":\"1 Main St\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}", description = "The cart's addresses, shipping method and codes as they were at checkout")
                            JsonNode shippingAddress, @Schema(type = SchemaType.OBJECT, implementation = Object.class, examples = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"line1\":\"1 Main St\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}") JsonNode billingAddress, @Schema(type = SchemaType.OBJECT, implementation = Object.class, examples = "{\"id\":\"3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b\",\"name\":\"Standard\",\"price\":{\"amount\":\"4.90\",\"currency\":\"EUR\"}}") JsonNode shippingMethod, @Schema(examples = "[\"SAVE10\"]") List<String> codes,
                            @Schema(examples = "INSUFFICIENT_FUNDS", description = "PAYMENT_FAILED: the provider's decline reason") String declineReason,
                            @Schema(type = SchemaType.OBJECT, implementation = Object.class, examples = "{\"type\":\"REDIRECT\",\"url\":\"https://payments.example/challenges/Xk2f9QmZ7tLr4vB8nP1wYc\"}", description = "ACTION_REQUIRED: what the app must show (type REDIRECT with url, or "
                                    + "SDK_CHALLENGE with data)") JsonNode action,
                            @Schema(description = "CANCELLED for stock: the lines inventory could not hold") List<ShortLine> shortLines,
                            CancelReason cancelReason,
                            @Schema(description = "CONFIRMED but held for a payment review: nothing ships until it is approved")
                            boolean onHold,
                            @Schema(description = "Until when a payment (or a retry) is accepted") Instant paymentDeadlineAt,
                            @Schema(description = "Captured so far (payment-captured, as shipments leave)") Money captured,
                            @Schema(description = "Refunded so far (payment-refunded, as returns are received)") Money refunded,
                            List<FulfillmentResponses.ShipmentView> shipments, List<FulfillmentResponses.ReturnView> returns,
                            List<TimelineEntry> timeline, @Schema(examples = "3") long version, Instant placedAt, Instant updatedAt) {

    @Schema(name = "OrderLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(@Schema(examples = "TR-42-BLU") String sku, UUID productId, @Schema(examples = "Trail Runner") String name, @Schema(examples = "2") int quantity, Money unitPrice,
                       @Schema(description = "after the line's discounts") Money total,
                       @Schema(examples = "2", description = "Units shipped so far") Integer shipped,
                       @Schema(examples = "2", description = "Units delivered so far") Integer delivered,
                       @Schema(examples = "0", description = "Units sent back (returns requested)") Integer returned) {
    }

    @Schema(name = "OrderTotals")
    public record Totals(Money subtotal, Money discount, Money shipping, Money tax, Money grandTotal) {
    }

    @Schema(name = "OrderShortLine")
    public record ShortLine(@Schema(examples = "TR-42-BLU") String sku, @Schema(examples = "2") int requested, @Schema(examples = "1") long available) {
    }

    @Schema(name = "OrderStatusChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(SagaStatus status, @Schema(examples = "payment authorized") String detail, Instant at) {
    }

    /** The order in a list: no snapshot details or timeline. */
    static OrderResponse summary(Order order) {
        return new OrderResponse(order.id(), order.orderNumber(), order.status(), order.customerId(), order.email(),
                order.cartId(), null, null, null, grandTotal(order), null, null, null, null, order.declineReason(), null,
                null, order.cancelReason(), order.onHold(), order.paymentDeadlineAt(), null, null, null, null, null, order.version(),
                order.placedAt(), order.updatedAt());
    }

    static OrderResponse of(OrderHistory.OrderDetails details, String orderToken, ObjectMapper json) {
        Order order = details.order();
        JsonNode checkout = order.checkoutJson() == null ? json.createObjectNode() : read(json, order.checkoutJson());
        List<Line> lines = new ArrayList<>();
        checkout.path("lines").forEach(line -> {
            Optional<OrderLine> fulfilled = details.lines().stream().filter(candidate -> candidate.position() == lines.size())
                    .findFirst();
            lines.add(new Line(line.path("sku").asText(),
                    line.hasNonNull("productId") ? UUID.fromString(line.get("productId").asText()) : null,
                    line.path("name").asText(null), line.path("quantity").asInt(), money(line.path("unitPrice")),
                    money(line.path("total")), fulfilled.map(OrderLine::shipped).orElse(null),
                    fulfilled.map(OrderLine::delivered).orElse(null), fulfilled.map(OrderLine::returned).orElse(null)));
        });
        JsonNode totals = checkout.path("totals");
        List<String> codes = new ArrayList<>();
        checkout.path("codes").forEach(code -> codes.add(code.asText()));
        return new OrderResponse(order.id(), order.orderNumber(), order.status(), order.customerId(), order.email(),
                order.cartId(), orderToken, lines,
                totals.isMissingNode() ? null : new Totals(money(totals.path("subtotal")), money(totals.path("discount")),
                        money(totals.path("shipping")), money(totals.path("tax")), money(totals.path("grandTotal"))),
                grandTotal(order), present(checkout.path("shippingAddress")), present(checkout.path("billingAddress")),
                present(checkout.path("shippingMethod")), codes, order.declineReason(),
                order.challenge() == null ? null : read(json, order.challenge()),
                order.shortLines().stream().map(line -> new ShortLine(line.sku(), line.requested(), line.available())).toList(),
                order.cancelReason(), order.onHold(), order.paymentDeadlineAt(),
                money(order.capturedAmount(), order.currency()), money(order.refundedAmount(), order.currency()),
                details.shipments().stream().map(FulfillmentResponses.ShipmentView::of).toList(),
                details.returns().stream().map(FulfillmentResponses.ReturnView::of).toList(),
                details.timeline().stream().map(OrderResponse::entry).toList(), order.version(), order.placedAt(),
                order.updatedAt());
    }

    private static TimelineEntry entry(OrderStatusChange change) {
        return new TimelineEntry(change.status(), change.detail(), change.changedAt());
    }

    private static Money grandTotal(Order order) {
        return money(order.grandTotal(), order.currency());
    }

    static Money money(BigDecimal amount, String currency) {
        return new Money(dev.commerce.platform.domain.Money.format(amount, currency), currency);
    }

    private static Money money(JsonNode money) {
        return money.isMissingNode() || money.isNull() ? null : new Money(money.path("amount").asText(), money.path("currency").asText());
    }

    private static JsonNode present(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    private static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
