package dev.commerce.order.client;

/** cart-service refused the hand-off (4xx) with a problem body: the cart is not fit for an order as it is. */
public class CartRefusal extends RuntimeException {

    private final int status;
    private final String problemJson;

    public CartRefusal(int status, String problemJson) {
        super("cart-service refused the hand-off with " + status);
        this.status = status;
        this.problemJson = problemJson;
    }

    public int status() {
        return status;
    }

    public String problemJson() {
        return problemJson;
    }
}
