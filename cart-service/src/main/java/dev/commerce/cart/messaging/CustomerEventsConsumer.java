package dev.commerce.cart.messaging;

import dev.commerce.cart.application.OrderHistory;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Feeds the customer read model from the compacted {@code customer.v1}: groups and confirmed-order counts for
 * promotions. A new deployment reads the topic from its beginning, so it knows every customer's count.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {

    record CustomerUpserted(String customerId, List<String> groups, Integer confirmedOrders) {
        CustomerUpserted {
            if (customerId == null || customerId.isBlank()) {
                throw new IllegalArgumentException("the event has no customerId");
            }
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    private final EventHandlers handlers;

    public CustomerEventsConsumer(OrderHistory history) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.CUSTOMER_UPSERTED, CustomerUpserted.class, (customer, event) ->
                        history.profileChanged(customer.customerId(), event.sequence(), customer.groups(),
                                customer.confirmedOrders() == null ? 0 : customer.confirmedOrders()))
                .build();
    }

    @Override
    public String name() {
        return OrderHistory.PROFILES_CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CUSTOMER);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
