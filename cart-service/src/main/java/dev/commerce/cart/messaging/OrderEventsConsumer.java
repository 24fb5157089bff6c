package dev.commerce.cart.messaging;

import dev.commerce.cart.application.CartCheckout;
import dev.commerce.cart.application.OrderHistory;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * cart's view of orders: {@code order-placed} makes the handed-off cart ORDERED, {@code order-cancelled} releases
 * the order's promotion usages, {@code order-confirmed} counts towards its customer's confirmed orders. {@code order.v1} is
 * not compacted, so a new deployment counts only the orders the topic still retains (README, "Cart read models").
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    record OrderConfirmed(UUID orderId, String customerId) {
        OrderConfirmed {
            if (orderId == null) {
                throw new IllegalArgumentException("the event has no orderId");
            }
        }
    }

    record OrderPlaced(UUID orderId, UUID cartId) {
        OrderPlaced {
            if (orderId == null || cartId == null) {
                throw new IllegalArgumentException("the event has no orderId or cartId");
            }
        }
    }

    record OrderCancelled(UUID orderId) {
        OrderCancelled {
            if (orderId == null) {
                throw new IllegalArgumentException("the event has no orderId");
            }
        }
    }

    private final EventHandlers handlers;

    public OrderEventsConsumer(OrderHistory history, CartCheckout checkout) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.ORDER_PLACED, OrderPlaced.class, (placed, event) ->
                        checkout.orderPlaced(placed.orderId(), placed.cartId()))
                .on(EventTypes.ORDER_CONFIRMED, OrderConfirmed.class, (confirmed, event) ->
                        history.orderConfirmed(confirmed.customerId()))
                .on(EventTypes.ORDER_CANCELLED, OrderCancelled.class, (cancelled, event) ->
                        checkout.orderCancelled(cancelled.orderId()))
                .build();
    }

    @Override
    public String name() {
        return "cart-service.orders";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ORDER);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
