package dev.commerce.payment.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.privacy.PrivacyAnswers;

/** Where payment-service answers privacy requests: {@code payment.privacy.v1}, for customer-service alone. */
public final class PrivacyEvents {

    public static final PrivacyAnswers.Channel CHANNEL = new PrivacyAnswers.Channel(Topics.PAYMENT_PRIVACY,
            EventTypes.PAYMENT_PRIVACY_EXPORT_PART, EventTypes.PAYMENT_PRIVACY_ERASURE_COMPLETED, "payment-service");

    private PrivacyEvents() {
    }
}
