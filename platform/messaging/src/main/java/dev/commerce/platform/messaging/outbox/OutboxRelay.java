package dev.commerce.platform.messaging.outbox;

import dev.commerce.platform.messaging.KafkaClients;
import dev.commerce.platform.messaging.Timestamps;

import dev.commerce.platform.messaging.topics.TopicProvisioner;
import dev.commerce.platform.messaging.topics.TopicSpec;
import dev.commerce.platform.messaging.topics.TopicsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes outbox rows to Kafka, in outbox order, from one background thread per instance.
 *
 * <ul>
 *   <li>Woken right after a commit that recorded events, and polling as a fallback; while events keep coming, its
 *       passes are spaced out so that each publishes several ({@link PassSpacing}).</li>
 *   <li>Each batch runs in a transaction holding a PostgreSQL advisory lock of the service: with several instances
 *       only one publishes at a time, so one aggregate's events reach its partition in order.</li>
 *   <li>Idempotent producer with {@code acks=all} that retries each send until the broker takes it; key = aggregate
 *       id. A row is deleted only once the broker acknowledged it and every row before it; while Kafka is
 *       away the relay backs off (doubling up to {@code commerce.outbox.max-backoff}) and resumes in order.</li>
 *   <li>Vacuums the outbox after every {@code commerce.outbox.vacuum-after} deleted rows ({@link OutboxVacuum}).</li>
 * </ul>
 * Delivery is at least once: a consumer deduplicates by {@code ce_id} (see the inbox).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** What {@link #publishBatch} answers when another instance holds the relay's lock. */
    static final int LOCKED_ELSEWHERE = -1;
    /** How soon the relay looks again after finding the lock held elsewhere. */
    private static final Duration LOCK_RETRY = Duration.ofMillis(25);
    /** How long one pass waits for an acknowledgement before backing off (the producer keeps retrying). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    /** What the relay last experienced, for the health check. */
    public record State(boolean enabled, Instant lastSuccess, String lastError) {
    }

    private final OutboxConfig config;
    private final TopicsConfig topics;
    private final KafkaClients kafka;
    private final EntityManager entityManager;
    private final String source;
    private final long lockId;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicReference<State> state = new AtomicReference<>(new State(false, null, null));
    private final OutboxMetrics metrics;
    private final OutboxVacuum vacuum;
    private final PassSpacing spacing;

    /** When the backlog gauges were last refreshed (System.nanoTime); only the relay thread reads and writes it. */
    private long lastBacklogRefresh = System.nanoTime() - Duration.ofDays(1).toNanos();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, String> producer;
    private boolean topicsReady;
    /** Sends not acknowledged yet, in outbox order; only the relay thread touches it. */
    private final List<InFlight> inFlight = new ArrayList<>();

    public OutboxRelay(OutboxConfig config, TopicsConfig topics,
                       KafkaClients kafka, EntityManager entityManager, DataSource dataSource,
                       @ConfigProperty(name = "quarkus.application.name") String source, MeterRegistry registry) {
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.source = source;
        this.lockId = lockId(source);
        this.metrics = new OutboxMetrics(registry);
        this.vacuum = new OutboxVacuum(dataSource, config.vacuumAfter());
        this.spacing = new PassSpacing(config.minPassSpacing());
    }

    void start(@Observes StartupEvent started) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (commerce.outbox.relay.enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        state.set(new State(true, null, null));
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(ACK_WAIT.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    private void closeProducer() {
        closeProducer(Duration.ofSeconds(5));
    }

    /** Closes the producer; with a zero timeout, records not yet sent are aborted instead of sent. */
    private void closeProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    /** Asks the relay to publish now (called after a commit that recorded events). */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    public State state() {
        return state.get();
    }

    private void run() {
        Duration backoff = config.pollInterval();
        while (running) {
            try {
                if (!topicsReady) {
                    TopicProvisioner.ensure(kafka, TopicSpec.of(topics));
                    topicsReady = true;
                }
                int published;
                long passStarted;
                do {
                    passStarted = System.nanoTime();
                    published = publishBatch();
                    vacuum.deleted(published);
                } while (published == config.batchSize() && running);
                refreshBacklogWhenDue();
                backoff = config.pollInterval();
                boolean committedDuringPass = wakeUps.availablePermits() > 0;
                // another instance held the lock: what woke this one may have been committed after that instance
                // read the outbox, so look again soon instead of at the next poll
                awaitWakeUp(published == LOCKED_ELSEWHERE ? LOCK_RETRY : config.pollInterval());
                pauseBeforeNextPass(spacing.pauseBeforeNextPass(passStarted, published, committedDuringPass, System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                state.set(new State(true, state.get().lastSuccess(), e.getClass().getSimpleName() + ": " + e.getMessage()));
                LOG.warnf("Outbox relay could not publish (%s); retrying in %s", e.getMessage(), backoff);
                try {
                    refreshBacklog();
                } catch (RuntimeException unreadable) {
                    LOG.debugf("Could not read the outbox backlog: %s", unreadable.getMessage());
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /**
     * Publishes up to one batch in one transaction; returns how many rows it published (and deleted), or
     * {@link #LOCKED_ELSEWHERE}.
     *
     * <p>Sends of an earlier pass that are not acknowledged yet are awaited before anything is sent again: the
     * producer retries them in order for as long as it takes ({@code delivery.timeout.ms} is unbounded), so no later
     * record of a partition can overtake an earlier one, and an outage does not pile up copies in the producer.
     */
    int publishBatch() throws Exception {
        BatchResult result = QuarkusTransaction.requiringNew().call(() -> {
            if (!lock()) {
                return new BatchResult(LOCKED_ELSEWHERE, null); // another instance is publishing
            }
            Exception failure = null;
            if (inFlight.isEmpty()) { // else sends of an earlier pass are awaited before anything is read again
                List<PendingEvent> pending = pendingEvents();
                if (pending.isEmpty()) {
                    return new BatchResult(0, null);
                }
                try {
                    for (PendingEvent event : pending) {
                        Future<RecordMetadata> ack = producer().send(CloudEventHeaders.toRecord(event, source));
                        inFlight.add(new InFlight(event, ack));
                        if (ack.isDone()) {
                            // refused on the spot (no metadata within max.block.ms): send nothing after it, or a
                            // later row could reach the broker before this one
                            break;
                        }
                    }
                } catch (Exception e) {
                    failure = e; // send() threw (a full buffer): nothing after this row was sent
                }
            }
            List<Long> acknowledged = new ArrayList<>();
            while (!inFlight.isEmpty() && failure == null) {
                InFlight head = inFlight.get(0);
                try {
                    head.ack().get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(head.event().position());
                    metrics.published(head.event().occurredAt());
                    inFlight.remove(0);
                } catch (TimeoutException stillRetrying) {
                    failure = stillRetrying; // the broker is away; the producer keeps the rest in order
                } catch (ExecutionException refused) {
                    // refused for good (no metadata, a record too large, no authorisation): start over from this row
                    // with a new producer, aborting (not flushing) what waits behind it, so nothing overtakes it
                    failure = refused;
                    inFlight.clear();
                    closeProducer(Duration.ZERO);
                }
            }
            removePublished(acknowledged);
            return new BatchResult(acknowledged.size(), failure);
        });
        if (result.failure() != null) {
            throw result.failure();
        }
        if (result.published() > 0) {
            metrics.passPublished();
            state.set(new State(true, Instant.now(), null));
        } else if (state.get().lastError() != null) {
            state.set(new State(true, state.get().lastSuccess(), null));
        }
        return result.published();
    }

    private record BatchResult(int published, Exception failure) {
    }

    /** A row handed to the producer and the broker's acknowledgement of it. */
    private record InFlight(PendingEvent event, Future<RecordMetadata> ack) {
    }

    /** Takes the relay's lock for this transaction; false when another instance holds it. */
    private boolean lock() {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId).getSingleResult());
    }

    /**
     * The oldest batch of the outbox. Read by its own statement after {@link #lock()}: under READ COMMITTED a
     * statement sees the rows committed when it started, so a read in the statement that takes the lock could start
     * before the previous holder's deletes committed, take the lock once that holder released it, and publish its rows
     * a second time (seen by {@code CatalogOutboxIT} with two instances: an aggregate's event twice in its partition).
     */
    @SuppressWarnings("unchecked")
    private List<PendingEvent> pendingEvents() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT position, id, topic, aggregate_id, sequence, event_type, payload, occurred_at,
                               traceparent, request_id
                        FROM outbox_event ORDER BY position LIMIT ?1""")
                .setParameter(1, config.batchSize()).getResultList();
        List<PendingEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new PendingEvent(((Number) row[0]).longValue(), (UUID) row[1], (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue(), (String) row[5], (String) row[6], Timestamps.toInstant(row[7]),
                    (String) row[8], (String) row[9]));
        }
        return events;
    }

    /**
     * Deletes rows the broker acknowledged: Kafka holds them from now on. Deleting (rather than marking) adds no
     * new row version and no index entries, so publishing costs the database little under sustained load.
     */
    private void removePublished(List<Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("DELETE FROM outbox_event WHERE position = ANY(?1)")
                .setParameter(1, positions.toArray(new Long[0]))
                .executeUpdate();
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = kafka.reliableProducer(source + "-outbox-relay");
        }
        return producer;
    }

    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /** Gathers what commits meanwhile into the next pass (see {@link PassSpacing}). */
    private void pauseBeforeNextPass(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
            wakeUps.drainPermits(); // the coming pass reads whatever woke the relay during the pause
        }
    }

    private boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis()); // backoff while Kafka is away; a commit does not cut it short
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Refreshes the backlog gauges at most once per poll interval: under load the relay runs hundreds of passes a
     * second, and counting unpublished rows after each would cost the database more than the passes themselves.
     */
    private void refreshBacklogWhenDue() {
        long now = System.nanoTime();
        if (now - lastBacklogRefresh >= config.pollInterval().toNanos()) {
            refreshBacklog();
            lastBacklogRefresh = now;
        }
    }

    private void refreshBacklog() {
        QuarkusTransaction.requiringNew().run(() -> metrics.refreshBacklog(entityManager));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The PostgreSQL advisory lock (one bigint key) the relay of service {@code source} holds while it publishes, in
     * that service's database: the instance holding it is the one publishing.
     */
    public static long lockId(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("outbox-relay:" + source).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
