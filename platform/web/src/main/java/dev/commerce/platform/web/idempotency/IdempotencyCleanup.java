package dev.commerce.platform.web.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Removes idempotency records past their retention. Safe on several instances: the delete is idempotent. */
@ApplicationScoped
public class IdempotencyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    private final IdempotencyRecords records;
    private final IdempotencyConfig config;

    public IdempotencyCleanup(IdempotencyRecords records, IdempotencyConfig config) {
        this.records = records;
        this.config = config;
    }

    @Scheduled(every = "${commerce.idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void removeExpired() {
        int removed = records.deleteOlderThan(config.retention());
        if (removed > 0) {
            LOG.debugf("Removed %d expired idempotency records", removed);
        }
    }
}
