package dev.commerce.platform.messaging.outbox;

import dev.commerce.platform.messaging.Timestamps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of the outbox: backlog and age of the oldest unpublished event (refreshed by the relay after
 * each pass, so a scrape never queries the database), events published, passes that published, and latency from
 * commit to acknowledgement.
 */
final class OutboxMetrics {

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnpublishedEpochMillis = new AtomicLong();
    private final Counter published;
    private final Counter passes;
    private final Timer publishLatency;

    OutboxMetrics(MeterRegistry registry) {
        Gauge.builder("commerce.outbox.backlog", backlog, AtomicLong::get)
                .description("Events recorded but not yet published").register(registry);
        Gauge.builder("commerce.outbox.oldest.unpublished.age.seconds", oldestUnpublishedEpochMillis,
                        oldest -> oldest.get() == 0 ? 0 : (System.currentTimeMillis() - oldest.get()) / 1000.0)
                .description("Age of the oldest event not yet published").register(registry);
        published = Counter.builder("commerce.outbox.published").description("Events published to Kafka")
                .register(registry);
        passes = Counter.builder("commerce.outbox.passes")
                .description("Relay passes that published events (published / passes: events per pass)").register(registry);
        publishLatency = Timer.builder("commerce.outbox.publish.latency")
                .description("From recording an event to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void published(Instant occurredAt) {
        published.increment();
        publishLatency.record(Duration.between(occurredAt, Instant.now()));
    }

    void passPublished() {
        passes.increment();
    }

    void refreshBacklog(EntityManager entityManager) {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "SELECT count(*), min(occurred_at) FROM outbox_event").getSingleResult();
        backlog.set(((Number) row[0]).longValue());
        oldestUnpublishedEpochMillis.set(row[1] == null ? 0 : Timestamps.toInstant(row[1]).toEpochMilli());
    }
}
