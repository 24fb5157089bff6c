package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.saga.SagaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /orders/{id}/payments}: after a decline (or instead of a challenge the shopper gave up on) a new attempt
 * with another method, while the order's payment deadline lasts. The attempt id is derived from the order and the
 * request's Idempotency-Key, so a repeated request starts one attempt.
 */
@ApplicationScoped
public class OrderPayments {

    private final OrderAccess access;
    private final OrderSagaSteps saga;
    private final Clock clock;

    public OrderPayments(OrderAccess access, OrderSagaSteps saga, Clock clock) {
        this.access = access;
        this.saga = saga;
        this.clock = clock;
    }

    @Transactional
    public Order retry(UUID orderId, String paymentMethod, String idempotencyKey, Caller caller) {
        Order order = access.lockedForChange(orderId, caller);
        UUID attemptId = idempotencyKey == null ? UUID.randomUUID()
                : OrderIds.nameBased("attempt:" + orderId + "\n" + idempotencyKey);
        if (!attemptId.equals(order.currentAttempt())) {
            order.payWith(paymentMethod);
        }
        saga.apply(order, new SagaEvent.PaymentRetried(attemptId), clock.instant());
        return order;
    }
}
