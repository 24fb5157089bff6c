package dev.commerce.order.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.application.GuestOrderClaims;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * customer-service's accounts: a {@code customer-upserted} with a verified address gives the guest orders of that
 * address to the customer. customer.v1 is compacted, so a new deployment still sees every verified account.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {

    record Upserted(UUID customerId, String email, boolean emailVerified) {
        Upserted {
            if (customerId == null || email == null || email.isBlank()) {
                throw new IllegalArgumentException("the event has no customerId or email");
            }
        }
    }

    private final EventHandlers handlers;

    public CustomerEventsConsumer(GuestOrderClaims claims) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.CUSTOMER_UPSERTED, Upserted.class, (upserted, event) -> {
                    if (upserted.emailVerified()) {
                        claims.verifiedEmail(upserted.customerId().toString(), upserted.email());
                    }
                })
                .build();
    }

    @Override
    public String name() {
        return "order-service.customers";
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
