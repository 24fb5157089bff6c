package dev.commerce.platform.messaging.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Applies one event for one consumer: handler and inbox record in one transaction, retried a bounded number of
 * times; an event without an id cannot be deduplicated and is refused at once.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** How applying an event ended. */
    public enum Outcome { APPLIED, DUPLICATE }

    /** The handler kept failing (or the event is unusable); carries the number of attempts made. */
    public static final class GaveUp extends Exception {
        private final int attempts;

        GaveUp(Throwable cause, int attempts) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    private final Inbox inbox;
    private final InboxConfig config;

    public InboxProcessor(Inbox inbox, InboxConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    public Outcome process(EventConsumer consumer, IncomingEvent event) throws GaveUp {
        return process(consumer, event, config.maxAttempts());
    }

    /** Applies with up to {@code maxAttempts} attempts (1 for an admin's re-drive, which reports at once). */
    public Outcome process(EventConsumer consumer, IncomingEvent event, int maxAttempts) throws GaveUp {
        if (event.id() == null || event.id().isBlank()) {
            throw new GaveUp(new IllegalArgumentException("the record has no ce_id header, so it cannot be deduplicated"), 1);
        }
        Duration pause = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(consumer, event);
            } catch (RuntimeException e) {
                Throwable cause = e instanceof HandlerFailure failure ? failure.getCause() : e;
                if (attempt >= maxAttempts) {
                    throw new GaveUp(cause, attempt);
                }
                LOG.debugf("%s failed on event %s (attempt %d of %d): %s", consumer.name(), event.id(), attempt,
                        maxAttempts, cause.getMessage());
                if (!pause(pause)) {
                    throw new GaveUp(cause, attempt);
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    private Outcome applyOnce(EventConsumer consumer, IncomingEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer.name(), event.id())) {
                return Outcome.DUPLICATE;
            }
            try {
                consumer.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
            return Outcome.APPLIED;
        });
    }

    /** A checked exception of a handler, carried out of the transaction. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a short, bounded back-off between attempts of a failing handler
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
