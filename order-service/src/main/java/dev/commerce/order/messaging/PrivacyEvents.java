package dev.commerce.order.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.privacy.PrivacyAnswers;

/** Where order-service answers privacy requests: {@code order.privacy.v1}, for customer-service alone. */
public final class PrivacyEvents {

    public static final PrivacyAnswers.Channel CHANNEL = new PrivacyAnswers.Channel(Topics.ORDER_PRIVACY,
            EventTypes.ORDER_PRIVACY_EXPORT_PART, EventTypes.ORDER_PRIVACY_ERASURE_COMPLETED, "order-service");

    private PrivacyEvents() {
    }
}
