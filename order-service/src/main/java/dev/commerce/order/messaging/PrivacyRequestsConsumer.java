package dev.commerce.order.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.application.PersonalData;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** customer-service's privacy requests: an export asks for order-service's part, an erasure for what it holds to go. */
@ApplicationScoped
public class PrivacyRequestsConsumer implements EventConsumer {

    record PrivacyRequest(UUID requestId, UUID customerId, String email) {
        PrivacyRequest {
            if (requestId == null || customerId == null) {
                throw new IllegalArgumentException("a privacy request needs requestId and customerId");
            }
        }
    }

    private final EventHandlers handlers;

    public PrivacyRequestsConsumer(PersonalData personalData) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.PRIVACY_EXPORT_REQUESTED, PrivacyRequest.class, (request, event) ->
                        personalData.export(request.requestId(), request.customerId(), request.email()))
                .on(EventTypes.CUSTOMER_ERASED, PrivacyRequest.class, (request, event) ->
                        personalData.erase(request.requestId(), request.customerId(), request.email()))
                .build();
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
