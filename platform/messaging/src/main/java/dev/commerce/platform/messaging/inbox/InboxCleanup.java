package dev.commerce.platform.messaging.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Forgets inbox entries older than the deduplication window ({@code commerce.inbox.deduplication-window}); an event
 * replayed after that is applied again.
 */
@ApplicationScoped
public class InboxCleanup {

    private final EntityManager entityManager;
    private final InboxConfig config;

    public InboxCleanup(EntityManager entityManager, InboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(every = "${commerce.inbox.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldEntries() {
        entityManager.createNativeQuery("DELETE FROM inbox_event WHERE processed_at < ?1")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(config.deduplicationWindow())).executeUpdate();
    }
}
