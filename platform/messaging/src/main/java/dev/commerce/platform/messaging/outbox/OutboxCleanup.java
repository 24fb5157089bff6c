package dev.commerce.platform.messaging.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Deletes published outbox rows past their retention. Idempotent, so harmless on several instances. */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final EntityManager entityManager;
    private final OutboxConfig config;

    public OutboxCleanup(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "${commerce.outbox.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void removePublished() {
        int removed = entityManager.createNativeQuery(
                        "DELETE FROM outbox_event WHERE published_at IS NOT NULL AND published_at < ?1")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                .executeUpdate();
        if (removed > 0) {
            LOG.debugf("Removed %d published outbox events", removed);
        }
    }
}
