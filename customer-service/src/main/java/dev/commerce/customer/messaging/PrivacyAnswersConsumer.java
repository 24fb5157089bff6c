package dev.commerce.customer.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** The services' answers to privacy requests: chunks of export parts, and erasure confirmations. */
@ApplicationScoped
public class PrivacyAnswersConsumer implements EventConsumer {

    record ExportPart(UUID requestId, String service, int part, int parts, JsonNode data) {
        ExportPart {
            if (requestId == null || service == null || part < 1 || parts < part || data == null || !data.isArray()) {
                throw new IllegalArgumentException("an export part needs requestId, service, 1 <= part <= parts and a data array");
            }
        }
    }

    record ErasureCompleted(UUID requestId, String service) {
        ErasureCompleted {
            if (requestId == null || service == null) {
                throw new IllegalArgumentException("an erasure confirmation needs requestId and service");
            }
        }
    }

    private final EventHandlers handlers;

    public PrivacyAnswersConsumer(PrivacyRequests privacy) {
        EventHandlers.Builder builder = EventHandlers.builder();
        for (String type : new String[]{EventTypes.CART_PRIVACY_EXPORT_PART, EventTypes.ORDER_PRIVACY_EXPORT_PART,
                EventTypes.PAYMENT_PRIVACY_EXPORT_PART}) {
            builder.on(type, ExportPart.class, (part, event) ->
                    privacy.answered(part.requestId(), part.service(), part.part(), part.parts(), part.data().toString()));
        }
        for (String type : new String[]{EventTypes.CART_PRIVACY_ERASURE_COMPLETED, EventTypes.ORDER_PRIVACY_ERASURE_COMPLETED,
                EventTypes.PAYMENT_PRIVACY_ERASURE_COMPLETED}) {
            builder.on(type, ErasureCompleted.class, (done, event) -> privacy.answered(done.requestId(), done.service(), 1, 1, null));
        }
        this.handlers = builder.build();
    }

    @Override
    public String name() {
        return "customer-service.privacy";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CART_PRIVACY, Topics.ORDER_PRIVACY, Topics.PAYMENT_PRIVACY);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
