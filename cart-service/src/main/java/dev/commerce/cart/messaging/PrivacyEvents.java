package dev.commerce.cart.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.privacy.PrivacyAnswers;

/** Where cart-service answers privacy requests: {@code cart.privacy.v1}, for customer-service alone. */
public final class PrivacyEvents {

    public static final PrivacyAnswers.Channel CHANNEL = new PrivacyAnswers.Channel(Topics.CART_PRIVACY,
            EventTypes.CART_PRIVACY_EXPORT_PART, EventTypes.CART_PRIVACY_ERASURE_COMPLETED, "cart-service");

    private PrivacyEvents() {
    }
}
