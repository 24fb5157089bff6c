package dev.commerce.payment.provider;

/** What a provider answered. */
public sealed interface ProviderResult {

    /** The provider's reference of the payment or operation. */
    String reference();

    /** Done; {@code cardLast4} is the only card detail a provider returns, and may be null. */
    record Approved(String reference, String cardLast4) implements ProviderResult {
    }

    /** Refused, with one of the {@code payment-declined} reason codes. */
    record Declined(String reference, String reasonCode) implements ProviderResult {
    }

    /** The shopper must authenticate (3-D Secure and the like) at {@code url}, then the flow continues. */
    record ActionRequired(String reference, String url) implements ProviderResult {
    }

    /** Accepted, undecided: the outcome arrives later as a notification. */
    record Pending(String reference) implements ProviderResult {
    }
}
