package dev.commerce.cart.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs, on every instance, the abandonment announcements and the deletion of expired guest carts. */
@ApplicationScoped
public class CartHousekeeping {

    private static final int BATCH = 200;

    private final CartAbandonment abandonment;

    public CartHousekeeping(CartAbandonment abandonment) {
        this.abandonment = abandonment;
    }

    @Scheduled(every = "${commerce.cart.abandonment-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceAbandoned() {
        while (abandonment.announceAbandoned(BATCH) == BATCH) {
            // a full batch: more may be due
        }
    }

    @Scheduled(every = "${commerce.cart.guest-cleanup-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpiredGuestCarts() {
        while (abandonment.deleteExpiredGuestCarts(BATCH) == BATCH) {
            // a full batch: more may be due
        }
    }
}
