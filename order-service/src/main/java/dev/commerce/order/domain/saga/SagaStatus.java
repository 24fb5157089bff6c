package dev.commerce.order.domain.saga;

/** Where an order stands in the checkout saga and after it. */
public enum SagaStatus {
    /** Placed; inventory is reserving. */
    PENDING,
    /** Stock held; payment is authorizing the current attempt. */
    AWAITING_PAYMENT,
    /** The current attempt waits for the shopper (a strong-authentication challenge). */
    ACTION_REQUIRED,
    /** The current attempt was declined; the shopper may retry while the reservation lasts. */
    PAYMENT_FAILED,
    /** Stock held and payment authorized (possibly on hold for a review). */
    CONFIRMED,
    /** At least one shipment left. */
    SHIPPED,
    /** Every line delivered. */
    DELIVERED,
    CANCELLED
}
