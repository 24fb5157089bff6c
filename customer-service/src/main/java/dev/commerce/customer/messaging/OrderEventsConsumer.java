package dev.commerce.customer.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.customer.application.OrderHistory;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** order-service's {@code order-confirmed}: one more confirmed order for its customer (a guest's has none). */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    record Confirmed(String customerId) {
    }

    private final EventHandlers handlers;

    public OrderEventsConsumer(OrderHistory history) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.ORDER_CONFIRMED, Confirmed.class, (confirmed, event) -> {
                    if (confirmed.customerId() != null) {
                        history.confirmed(confirmed.customerId());
                    }
                })
                .build();
    }

    @Override
    public String name() {
        return "customer-service.orders";
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
