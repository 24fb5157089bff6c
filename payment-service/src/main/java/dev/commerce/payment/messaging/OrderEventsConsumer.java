package dev.commerce.payment.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.payment.application.Payments;
import dev.commerce.payment.domain.Amounts;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * payment's part of the checkout saga, through the inbox: {@code payment-requested} starts an attempt,
 * {@code order-shipped} captures its amount, {@code order-cancelled} voids a live authorization and
 * {@code authorization-void-requested} the one it names,
 * {@code return-received} refunds. Each handler translates its payload and calls one use case of {@link Payments},
 * which is idempotent per attempt, shipment and return.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    record PaymentRequested(UUID orderId, UUID paymentAttemptId, String customerId, String email, String amount,
                            String currency, String paymentMethod, String billingCountry, String shippingCountry) {
        PaymentRequested {
            required("orderId", orderId);
            required("paymentAttemptId", paymentAttemptId);
            if (isBlank(customerId) && isBlank(email)) {
                throw new IllegalArgumentException("the event has neither customerId nor email");
            }
            required("paymentMethod", paymentMethod);
            required("currency", currency);
            required("amount", amount);
        }

        /** Who pays, for fraud screening: the customer, or a guest by the checkout email. */
        String payer() {
            return isBlank(customerId) ? "guest:" + email.trim().toLowerCase(Locale.ROOT) : customerId;
        }
    }

    record OrderShipped(UUID orderId, UUID shipmentId, Money captureAmount) {
        OrderShipped {
            required("orderId", orderId);
            required("shipmentId", shipmentId);
            required("captureAmount", captureAmount);
        }
    }

    record AuthorizationVoidRequested(UUID orderId, UUID paymentAttemptId, String reason) {
        AuthorizationVoidRequested {
            required("orderId", orderId);
            required("paymentAttemptId", paymentAttemptId);
        }
    }

    record OrderCancelled(UUID orderId) {
        OrderCancelled {
            required("orderId", orderId);
        }
    }

    record ReturnReceived(UUID orderId, UUID returnId, Money refundAmount) {
        ReturnReceived {
            required("orderId", orderId);
            required("returnId", returnId);
            required("refundAmount", refundAmount);
        }
    }

    private final EventHandlers handlers;

    public OrderEventsConsumer(Payments payments) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.PAYMENT_REQUESTED, PaymentRequested.class, (requested, event) ->
                        payments.start(new Payments.AttemptRequest(requested.orderId(), requested.paymentAttemptId(),
                                requested.payer(), Amounts.parse("amount", requested.amount(), requested.currency()),
                                requested.currency(), requested.paymentMethod(), requested.billingCountry(),
                                requested.shippingCountry())))
                .on(EventTypes.AUTHORIZATION_VOID_REQUESTED, AuthorizationVoidRequested.class, (request, event) ->
                        payments.voidAttempt(request.orderId(), request.paymentAttemptId(),
                                request.reason() == null ? "VOID_REQUESTED" : request.reason()))
                .on(EventTypes.ORDER_SHIPPED, OrderShipped.class, (shipped, event) ->
                        payments.captureShipment(shipped.orderId(), shipped.shipmentId(),
                                amountOf("captureAmount", shipped.captureAmount()), shipped.captureAmount().currency()))
                .on(EventTypes.ORDER_CANCELLED, OrderCancelled.class, (cancelled, event) ->
                        payments.voidCancelledOrder(cancelled.orderId()))
                .on(EventTypes.RETURN_RECEIVED, ReturnReceived.class, (returned, event) ->
                        payments.refundReturn(returned.orderId(), returned.returnId(),
                                amountOf("refundAmount", returned.refundAmount()), returned.refundAmount().currency()))
                .build();
    }

    @Override
    public String name() {
        return "payment-service.orders";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ORDER);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /** An amount of zero or more with at most its currency's minor digits. */
    private static BigDecimal amountOf(String field, Money money) {
        return Amounts.parseNonNegative(field, money.amount(), money.currency());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> T required(String field, T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new IllegalArgumentException("the event has no " + field);
        }
        return value;
    }
}
