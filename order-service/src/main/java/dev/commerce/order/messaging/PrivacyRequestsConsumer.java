package dev.commerce.order.messaging;

import dev.commerce.contracts.Topics;
import dev.commerce.order.application.PersonalData;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import dev.commerce.platform.messaging.privacy.PrivacyRequestHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** customer-service's privacy requests: an export asks for order-service's part, an erasure for what it holds to go. */
@ApplicationScoped
public class PrivacyRequestsConsumer implements EventConsumer {

    private final EventHandlers handlers;

    public PrivacyRequestsConsumer(PersonalData personalData) {
        this.handlers = PrivacyRequestHandlers.of(personalData::export, personalData::erase);
    }

    @Override
    public String name() {
        return "order-service.privacy";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CUSTOMER_PRIVACY);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
