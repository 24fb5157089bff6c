package dev.commerce.cart.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Reopens, on every instance, the carts whose checkout hand-off saw no order-placed before its deadline. */
@ApplicationScoped
public class CheckoutDeadlines {

    private static final int BATCH = 100;

    private final CartCheckout checkout;

    public CheckoutDeadlines(CartCheckout checkout) {
        this.checkout = checkout;
    }

    @Scheduled(every = "${commerce.cart.checkout-deadline-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reopenMissed() {
        while (checkout.reopenMissedCheckouts(BATCH) == BATCH) {
            // a full batch: more may be due
        }
    }
}
