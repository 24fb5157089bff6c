package dev.commerce.customer.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Deletes what no longer counts: expired refresh tokens, long-ended sessions, old sign-in failures. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Sessions sessions;
    private final SignInThrottling throttling;
    private final Clock clock;

    public Housekeeping(Sessions sessions, SignInThrottling throttling, Clock clock) {
        this.sessions = sessions;
        this.throttling = throttling;
        this.clock = clock;
    }

    @Scheduled(every = "${commerce.customer.housekeeping-interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void run() {
        int removed = sessions.deleteExpired() + throttling.forgetBefore(Instant.now(clock));
        if (removed > 0) {
            LOG.debugf("Housekeeping removed %d expired rows", removed);
        }
    }
}
