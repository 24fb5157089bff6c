package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.saga.SagaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /orders/{id}/cancellation} by its customer, a guest with the order token, or an admin, before the first
 * shipment: {@code order-cancelled} makes inventory release the stock, payment void a live authorization and the cart
 * release promotion usages. Cancelling a cancelled order changes nothing.
 */
@ApplicationScoped
public class OrderCancellations {

    private final OrderAccess access;
    private final OrderSagaSteps saga;
    private final Clock clock;

    public OrderCancellations(OrderAccess access, OrderSagaSteps saga, Clock clock) {
        this.access = access;
        this.saga = saga;
        this.clock = clock;
    }

    @Transactional
    public Order cancel(UUID orderId, Caller caller) {
        Order order = access.lockedForChange(orderId, caller);
        saga.apply(order, new SagaEvent.CancellationRequested(caller.admin()), clock.instant());
        return order;
    }
}
