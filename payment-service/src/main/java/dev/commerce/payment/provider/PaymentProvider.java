package dev.commerce.payment.provider;

import java.math.BigDecimal;

/**
 * A payment provider (a card acquirer, a wallet): the payment flow talks to providers only through this interface,
 * so a real one is added as another implementation selected by {@code commerce.payment.provider}.
 * Every call carries an idempotency key derived from the payment and the operation: a provider must answer a
 * repeated key with the first answer and never charge twice. A call that does not answer in time throws
 * {@link ProviderTimeout}: its outcome is unknown, never a decline.
 */
public interface PaymentProvider {

    /** The name stored with each payment and used in the notification URL. */
    String name();

    ProviderResult authorize(String idempotencyKey, String methodToken, BigDecimal amount, String currency);

    /** Continues an authorization after the shopper completed strong customer authentication. */
    ProviderResult completeAuthentication(String idempotencyKey, String reference, String challengeResponse);

    ProviderResult capture(String idempotencyKey, String reference, BigDecimal amount, String currency);

    ProviderResult voidAuthorization(String idempotencyKey, String reference);

    ProviderResult refund(String idempotencyKey, String reference, BigDecimal amount, String currency);
}
