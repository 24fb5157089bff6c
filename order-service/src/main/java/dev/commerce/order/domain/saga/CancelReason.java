package dev.commerce.order.domain.saga;

/** Why an order was cancelled (the reasons of contracts/schemas/order/order-cancelled.v1.json). */
public enum CancelReason {
    OUT_OF_STOCK, PAYMENT_FAILED, RESERVATION_EXPIRED, CUSTOMER_REQUEST, MERCHANT_REQUEST, STOCK_COMMIT_FAILED
}
