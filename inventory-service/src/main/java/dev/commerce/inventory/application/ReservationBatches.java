package dev.commerce.inventory.application;

import dev.commerce.platform.web.http.CarriedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reserves for concurrent API requests together (group commit). A request waits in a queue; a writer thread takes
 * every request waiting, up to {@code batch.max-size}, and reserves them in one transaction, so the fixed costs of a
 * transaction (locks, reads of warehouses and policies, the commit and its WAL flush) are paid once per batch
 * rather than once per order. Nothing waits for a batch to fill: a lone request is a batch of one.
 *
 * <p>Each order is still all or nothing, decided on locked rows as if alone. When a batch fails as a whole (a
 * database error), each of its requests is retried in a transaction of its own, so one bad request never fails
 * the others. A caller already in a transaction (a request with an {@code Idempotency-Key}, whose record must
 * commit with the reservation) reserves in that transaction instead, unbatched.
 */
@ApplicationScoped
public class ReservationBatches {

    private static final Logger LOG = Logger.getLogger(ReservationBatches.class);

    private record Waiting(Reservations.Request request, CompletableFuture<Reservations.Outcome> outcome) {
    }

    private final Reservations reservations;
    private final ReservationConfig.Batch config;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    public ReservationBatches(Reservations reservations, ReservationConfig config) {
        this.reservations = reservations;
        this.config = config.batch();
    }

    void start(@Observes StartupEvent started) {
        running = true;
        for (int i = 1; i <= config.writers(); i++) {
            Thread writer = new Thread(this::write, "reservation-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        writers.forEach(Thread::interrupt);
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(waiting -> waiting.outcome().completeExceptionally(
                new IllegalStateException("the service is shutting down")));
    }

    /** Reserves for the order with the requests waiting alongside; blocks until its batch committed. */
    public Reservations.Outcome reserve(UUID orderId, Map<String, Integer> units, Duration hold, String actor) {
        if (QuarkusTransaction.isActive() || !running) {
            return reservations.reserve(orderId, units, hold, actor); // in the caller's transaction, or no writers
        }
        Waiting waiting = new Waiting(new Reservations.Request(orderId, units, hold, actor, CarriedContext.capture()),
                new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void write() {
        while (running) {
            List<Waiting> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, config.maxSize() - 1);
            reserve(batch);
        }
    }

    private void reserve(List<Waiting> batch) {
        try {
            List<Reservations.Outcome> outcomes = reservations.reserveAll(batch.stream().map(Waiting::request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).outcome().completeExceptionally(batchFailed);
                return;
            }
            LOG.debugf("A batch of %d reservations failed (%s); reserving each alone", batch.size(), batchFailed);
            for (Waiting waiting : batch) {
                try {
                    waiting.outcome().complete(reservations.reserveAll(List.of(waiting.request())).get(0));
                } catch (RuntimeException failed) {
                    waiting.outcome().completeExceptionally(failed);
                }
            }
        }
    }
}
