package dev.commerce.order.persistence;

import dev.commerce.order.domain.Order;
import dev.commerce.platform.testing.CommerceTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two changes of one order at the same moment (a consumer's saga step and a back-office request): the second waits
 * for the first's lock and then works on what it committed, instead of failing on a stale version.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderLockTest {

    @Inject
    OrderRepository orders;

    @Test
    void a_change_waiting_for_the_orders_lock_reads_what_the_holder_committed() throws Exception {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> orders.add(Order.place(new Order.Placement(id, orders.nextOrderNumber(),
                "customer-lock", "lock@example.com", UUID.randomUUID(), "EUR", new BigDecimal("10.00"), "tok_approved", "{}"),
                Instant.now())));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            orders.lock(id).orElseThrow().captured(new BigDecimal("4.00"), Instant.now());
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() ->
                orders.lock(id).orElseThrow().captured(new BigDecimal("6.00"), Instant.now())));
        // the waiter must be blocked on the row lock before the holder commits: that moment is the race
        Awaitility.await("the second change to wait for the lock").atMost(Duration.ofSeconds(10)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) orders.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                        .getSingleResult()).intValue()) > 0);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        waiter.get(10, TimeUnit.SECONDS);

        Order order = QuarkusTransaction.requiringNew().call(() -> orders.byId(id).orElseThrow());
        assertThat(order.capturedAmount()).isEqualByComparingTo("10.00");
        assertThat(order.version()).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
