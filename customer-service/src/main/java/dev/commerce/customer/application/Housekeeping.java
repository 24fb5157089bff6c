package dev.commerce.customer.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Deletes what no longer counts: expired refresh tokens, long-ended sessions, old sign-in failures, old exports. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Sessions sessions;
    private final SignInThrottling throttling;
    private final PrivacyRequests privacy;
    private final Clock clock;

    public Housekeeping(Sessions sessions, SignInThrottling throttling, PrivacyRequests privacy, Clock clock) {
        this.sessions = sessions;
        this.throttling = throttling;
        this.privacy = privacy;
        this.clock = clock;
    }

    @Scheduled(every = "${commerce.customer.housekeeping-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void run() {
        long removed = sessions.deleteExpired() + throttling.forgetBefore(Instant.now(clock)) + privacy.deleteExpiredExports();
        if (removed > 0) {
            LOG.debugf("Housekeeping removed %d expired rows", removed);
        }
    }
}
