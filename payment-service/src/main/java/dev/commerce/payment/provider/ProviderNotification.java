package dev.commerce.payment.provider;

/**
 * A provider's asynchronous message about a payment, as every provider's adapter reports it: its id (for
 * replays), the payment's reference and the outcome (APPROVED or DECLINED with a reason code).
 */
public record ProviderNotification(String notificationId, String reference, String outcome, String reasonCode,
                                   String cardLast4) {
}
