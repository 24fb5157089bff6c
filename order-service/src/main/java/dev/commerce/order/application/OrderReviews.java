package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.saga.SagaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * An admin's decision on an order confirmed on hold (its authorization was flagged for review): approval releases
 * the hold, so it may ship; rejection cancels it, which voids the authorization and releases the stock.
 */
@ApplicationScoped
public class OrderReviews {

    private final OrderAccess access;
    private final OrderSagaSteps saga;
    private final Clock clock;

    public OrderReviews(OrderAccess access, OrderSagaSteps saga, Clock clock) {
        this.access = access;
        this.saga = saga;
        this.clock = clock;
    }

    @Transactional
    public Order decide(UUID orderId, boolean approved, Caller admin) {
        Order order = access.lockedForChange(orderId, admin);
        saga.apply(order, new SagaEvent.ReviewDecided(approved), clock.instant());
        return order;
    }
}
