package dev.commerce.order.api;

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
public record OrderResponse(UUID id, String orderNumber, SagaStatus status, String customerId, String email, UUID cartId,
                            @Schema(description = "Only in a guest's checkout answer: send it as X-Order-Token to read, "
                                    + "pay or cancel the order") String orderToken,
                            List<Line> lines, Totals totals, Money grandTotal,
                            @Schema(description = "The cart's addresses, shipping method and codes as they were at checkout")
                            JsonNode shippingAddress, JsonNode billingAddress, JsonNode shippingMethod, List<String> codes,
                            @Schema(description = "PAYMENT_FAILED: the provider's decline reason") String declineReason,
                            @Schema(description = "ACTION_REQUIRED: what the app must show (type REDIRECT with url, or "
                                    + "SDK_CHALLENGE with data)") JsonNode action,
                            @Schema(description = "CANCELLED for stock: the lines inventory could not hold") List<ShortLine> shortLines,
                            CancelReason cancelReason,
                            @Schema(description = "CONFIRMED but held for a payment review: nothing ships until it is approved")
                            boolean onHold,
                            @Schema(description = "Until when a payment (or a retry) is accepted") Instant paymentDeadlineAt,
                            @Schema(description = "Captured so far (payment-captured, as shipments leave)") Money captured,
                            @Schema(description = "Refunded so far (payment-refunded, as returns are received)") Money refunded,
                            List<FulfillmentResponses.ShipmentView> shipments, List<FulfillmentResponses.ReturnView> returns,
                            List<TimelineEntry> timeline, long version, Instant placedAt, Instant updatedAt) {

    /** An amount as a decimal string with its ISO 4217 currency. */
    @Schema(name = "Money")
    public record Money(@Schema(examples = "59.90") String amount, @Schema(examples = "EUR") String currency) {
    }

    @Schema(name = "OrderLine")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String sku, UUID productId, String name, int quantity, Money unitPrice,
                       @Schema(description = "after the line's discounts") Money total,
                       @Schema(description = "Units shipped so far") Integer shipped,
                       @Schema(description = "Units delivered so far") Integer delivered,
                       @Schema(description = "Units sent back (returns requested)") Integer returned) {
    }

    @Schema(name = "OrderTotals")
    public record Totals(Money subtotal, Money discount, Money shipping, Money tax, Money grandTotal) {
    }

    @Schema(name = "OrderShortLine")
    public record ShortLine(String sku, int requested, long available) {
    }

    @Schema(name = "OrderStatusChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(SagaStatus status, String detail, Instant at) {
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
