package dev.commerce.order.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.application.OrderReturns;
import dev.commerce.order.application.OrderSagaSteps;
import dev.commerce.order.application.OrderShipments;
import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * payment's answers to the saga, through the inbox, per attempt: {@code payment-authorized} confirms (on hold when
 * flagged for review), {@code payment-declined} lets the shopper retry, {@code payment-action-required} shows the
 * challenge, {@code payment-voided} of the live authorization cancels an unshipped order;
 * {@code payment-captured} and {@code payment-refunded} are recorded on the order (and the refunded return). Each becomes one saga step.
 */
@ApplicationScoped
public class PaymentEventsConsumer implements EventConsumer {

    record Authorized(UUID orderId, UUID paymentAttemptId, boolean flaggedForReview) {
        Authorized {
            require(orderId, paymentAttemptId);
        }
    }

    record Declined(UUID orderId, UUID paymentAttemptId, String reasonCode) {
        Declined {
            require(orderId, paymentAttemptId);
        }
    }

    record ActionRequired(UUID orderId, UUID paymentAttemptId, JsonNode action) {
        ActionRequired {
            require(orderId, paymentAttemptId);
            if (action == null || !action.isObject()) {
                throw new IllegalArgumentException("the event has no action");
            }
        }
    }

    record Voided(UUID orderId, UUID paymentAttemptId) {
        Voided {
            if (orderId == null) {
                throw new IllegalArgumentException("the event has no orderId");
            }
        }
    }

    record Captured(UUID orderId, Money amount) {
        Captured {
            requireMoney(orderId, amount);
        }
    }

    record Refunded(UUID orderId, UUID refundId, Money amount) {
        Refunded {
            requireMoney(orderId, amount);
        }
    }

    private final EventHandlers handlers;

    public PaymentEventsConsumer(OrderSagaSteps saga, OrderShipments shipments, OrderReturns returns) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.PAYMENT_AUTHORIZED, Authorized.class, (authorized, event) ->
                        saga.on(authorized.orderId(), new SagaEvent.PaymentAuthorized(authorized.paymentAttemptId(),
                                authorized.flaggedForReview())))
                .on(EventTypes.PAYMENT_DECLINED, Declined.class, (declined, event) ->
                        saga.on(declined.orderId(), new SagaEvent.PaymentDeclined(declined.paymentAttemptId(), declined.reasonCode())))
                .on(EventTypes.PAYMENT_ACTION_REQUIRED, ActionRequired.class, (action, event) ->
                        saga.on(action.orderId(), new SagaEvent.PaymentActionRequired(action.paymentAttemptId(),
                                action.action().toString())))
                .on(EventTypes.PAYMENT_VOIDED, Voided.class, (voided, event) -> {
                    // a payment-voided of an older producer names no attempt: it cannot be matched to the live one
                    if (voided.paymentAttemptId() != null) {
                        saga.on(voided.orderId(), new SagaEvent.PaymentVoided(voided.paymentAttemptId()));
                    }
                })
                .on(EventTypes.PAYMENT_CAPTURED, Captured.class, (captured, event) ->
                        shipments.captured(captured.orderId(), captured.amount().value("amount")))
                .on(EventTypes.PAYMENT_REFUNDED, Refunded.class, (refunded, event) ->
                        returns.refunded(refunded.orderId(), refunded.refundId(), refunded.amount().value("amount")))
                .build();
    }

    @Override
    public String name() {
        return "order-service.payments";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PAYMENT);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private static void requireMoney(UUID orderId, Money amount) {
        if (orderId == null || amount == null) {
            throw new IllegalArgumentException("the event needs orderId and amount");
        }
    }

    private static void require(UUID orderId, UUID attemptId) {
        if (orderId == null || attemptId == null) {
            throw new IllegalArgumentException("the event needs orderId and paymentAttemptId");
        }
    }
}
