package dev.commerce.payment.domain;

/** Why a payment attempt was declined (the reason codes of {@code payment-declined}). */
public enum DeclineReason {
    INSUFFICIENT_FUNDS, CARD_EXPIRED, DO_NOT_HONOUR, FRAUD_SUSPECTED, AUTHENTICATION_FAILED, PROVIDER_ERROR,
    /** The order already has a live authorization; at most one per order. */
    ALREADY_AUTHORIZED
}
