package dev.commerce.order.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.privacy.PrivacyAnswers;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** order-service's answers to privacy requests, on {@code order.privacy.v1} for customer-service alone. */
@ApplicationScoped
public class PrivacyEvents {

    private static final PrivacyAnswers.Channel CHANNEL = new PrivacyAnswers.Channel(Topics.ORDER_PRIVACY,
            EventTypes.ORDER_PRIVACY_EXPORT_PART, EventTypes.ORDER_PRIVACY_ERASURE_COMPLETED, "order-service");

    private final PrivacyAnswers answers;

    public PrivacyEvents(PrivacyAnswers answers) {
        this.answers = answers;
    }

    public int exportPart(UUID requestId, UUID customerId, List<String> records) {
        return answers.exportPart(CHANNEL, requestId, customerId, records);
    }

    /** Also removes the person's copies in platform tables; returns how many. */
    public int erasureCompleted(UUID requestId, UUID customerId, List<String> identifiers, Instant now) {
        return answers.erasureCompleted(CHANNEL, requestId, customerId, identifiers, now);
    }
}
