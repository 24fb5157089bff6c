package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.order.persistence.OrderRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code Prefer: wait}: holds a checkout's answer until the order reaches an outcome the shopper acts on, or the wait
 * is over. A saga step committed in this instance wakes the waiters of its order at once; steps committed by another
 * instance are seen by re-reading the order's status every {@link #RECHECK}. Waiting costs one status query per wake
 * or recheck, and the order is loaded once, at the end (measured in bench/checkout: polling the whole order every
 * 250 ms took a quarter of order-service's CPU under load).
 */
@ApplicationScoped
public class OrderOutcomes {

    /** Statuses in which the saga still works without the shopper. */
    private static final Set<SagaStatus> IN_PROGRESS = Set.of(SagaStatus.PENDING, SagaStatus.AWAITING_PAYMENT);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Map<UUID, CopyOnWriteArrayList<CountDownLatch>> waiters = new ConcurrentHashMap<>();
    private final OrderRepository orders;
    private final Clock clock;

    public OrderOutcomes(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    public static boolean isOutcome(SagaStatus status) {
        return !IN_PROGRESS.contains(status);
    }

    /** The order as soon as it reached an outcome, or as it is when {@code wait} is over. */
    public Order await(UUID orderId, Duration wait) throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            CountDownLatch woken = new CountDownLatch(1);
            waiters.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(woken);
            try {
                SagaStatus status = QuarkusTransaction.requiringNew().call(() -> orders.statusOf(orderId).orElseThrow());
                Duration left = Duration.between(clock.instant(), deadline);
                if (isOutcome(status) || left.isNegative() || left.isZero()) {
                    return QuarkusTransaction.requiringNew().call(() -> orders.byId(orderId).orElseThrow());
                }
                woken.await(Math.min(left.toMillis(), RECHECK.toMillis()), TimeUnit.MILLISECONDS);
            } finally {
                waiters.computeIfPresent(orderId, (id, latches) -> {
                    latches.remove(woken);
                    return latches.isEmpty() ? null : latches;
                });
            }
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderChanged change) {
        CopyOnWriteArrayList<CountDownLatch> latches = waiters.get(change.orderId());
        if (latches != null) {
            latches.forEach(CountDownLatch::countDown);
        }
    }
}
