package dev.commerce.order.client;

/** cart-service failed (5xx): retried with the same order id, which the hand-off is idempotent for. */
public class CartFailure extends RuntimeException {

    public CartFailure(String message) {
        super(message);
    }
}
