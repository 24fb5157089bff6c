package dev.commerce.platform.messaging.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Applies one event for one consumer: its typed handler and the inbox record in one transaction, inside the event's
 * trace and request context. A failure of the handler's own logic on a healthy system is retried a bounded number of
 * times and then given up (dead-lettered by the caller); a failure of the infrastructure, or any failure while the
 * database does not answer, is {@link InfrastructureUnavailable}: the caller waits it out and tries again, however
 * long it lasts, and no attempt is counted. Events of types the consumer has no handler for are skipped.
 *
 * <p>A poll's batch is first applied {@linkplain #processTogether together}, in one transaction: one inbox insert,
 * one commit and one offset commit instead of one of each per event, which is most of what a small event costs. When
 * that fails nothing of it stays, and the caller applies the batch's events one by one as above, so a failing event
 * is retried, dead-lettered or waited for on its own.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    /** How applying an event ended. */
    public enum Outcome { APPLIED, DUPLICATE, SKIPPED }

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

    /** The database or broker is away: nothing is wrong with the event; try it again once the system answers. */
    public static final class InfrastructureUnavailable extends RuntimeException {
        InfrastructureUnavailable(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    private final Inbox inbox;
    private final InboxConfig config;
    private final ObjectMapper json;
    private final DatabaseProbe database;
    private final EventContext context;
    private final EntityManager entityManager;

    public InboxProcessor(Inbox inbox, InboxConfig config, ObjectMapper json, DatabaseProbe database, EventContext context,
                          EntityManager entityManager) {
        this.entityManager = entityManager;
        this.inbox = inbox;
        this.config = config;
        this.json = json;
        this.database = database;
        this.context = context;
    }

    public Outcome process(EventConsumer consumer, IncomingEvent event, BooleanSupplier running) throws GaveUp {
        return process(consumer, event, config.maxAttempts(), running);
    }

    /** Applies with up to {@code maxAttempts} attempts (1 for an admin's re-drive, which reports at once). */
    public Outcome process(EventConsumer consumer, IncomingEvent event, int maxAttempts, BooleanSupplier running)
            throws GaveUp {
        EventHandlers handlers = consumer.handlers();
        if (!handlers.handles(event.type())) {
            return Outcome.SKIPPED;
        }
        if (event.id() == null || event.id().isBlank()) {
            throw new GaveUp(new IllegalArgumentException("the record has no ce_id header, so it cannot be deduplicated"), 1);
        }
        Duration pause = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return context.around(event, consumer.name(), () -> applyOnce(consumer, handlers, event));
            } catch (Exception e) {
                Throwable cause = e instanceof HandlerFailure failure ? failure.getCause() : e;
                rethrowError(cause);
                if (InfrastructureFailures.isInfrastructure(cause) || !database.answers()) {
                    throw new InfrastructureUnavailable(cause);
                }
                if (cause instanceof EventHandlers.MalformedEvent || attempt >= maxAttempts) {
                    throw new GaveUp(cause, attempt);
                }
                LOG.debugf("%s failed on event %s (attempt %d of %d): %s", consumer.name(), event.id(), attempt,
                        maxAttempts, cause.getMessage());
                if (!Backoff.pause(pause, running)) {
                    throw new InfrastructureUnavailable(cause); // stopping: hand the event back, uncounted
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    /**
     * Applies {@code events} (a poll's batch, in the order of each partition) in one transaction and returns how many
     * were applied; a redelivered one is skipped as a duplicate, one of a type without handler is skipped. Each
     * handler runs in its event's trace and request context, and its changes are flushed and the persistence context
     * cleared before the next, so each event reads the database as it would in a transaction of its own, and one
     * handler's failure is its own. Events of a type {@linkplain EventHandlers#handlesTogether handled together} go
     * to their handler in one call, in the place {@link BatchSteps} gives them. Throws on any failure, or when an
     * event has no id, with nothing of the batch kept: the caller then applies the events one by one through
     * {@link #process}.
     */
    public int processTogether(EventConsumer consumer, List<IncomingEvent> events) throws Exception {
        EventHandlers handlers = consumer.handlers();
        Map<String, IncomingEvent> byId = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            if (!handlers.handles(event.type())) {
                continue;
            }
            if (event.id() == null || event.id().isBlank()) {
                throw new IllegalArgumentException("an event of the batch has no ce_id header");
            }
            byId.putIfAbsent(event.id(), event); // the same event twice in one batch: applied once
        }
        if (byId.isEmpty()) {
            return 0;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Set<String> first = inbox.firstDeliveries(consumer.name(), new ArrayList<>(byId.keySet()));
                List<IncomingEvent> toApply = byId.values().stream().filter(event -> first.contains(event.id())).toList();
                for (List<IncomingEvent> step : BatchSteps.of(toApply, handlers::handlesTogether)) {
                    apply(consumer, handlers, step);
                }
                LOG.debugf("%s applied %d event(s) of a batch of %d in one transaction", consumer.name(), toApply.size(),
                        events.size());
                return toApply.size();
            });
        } catch (Exception e) {
            rethrowError(e);
            throw e;
        }
    }

    /**
     * Applies a step of a batch: one event, or events of a type handled together; then writes its changes and
     * clears the persistence context, so the next step reads the database as a transaction of its own would.
     */
    private void apply(EventConsumer consumer, EventHandlers handlers, List<IncomingEvent> step) throws Exception {
        if (handlers.handlesTogether(step.get(0).type())) {
            context.aroundAll(step, consumer.name(), contexts -> {
                handlers.dispatchTogether(step, contexts, json);
                return null;
            });
        } else {
            context.around(step.get(0), consumer.name(), () -> {
                handlers.dispatch(step.get(0), json);
                return null;
            });
        }
        entityManager.flush();
        entityManager.clear();
    }

    private Outcome applyOnce(EventConsumer consumer, EventHandlers handlers, IncomingEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer.name(), event.id())) {
                return Outcome.DUPLICATE;
            }
            try {
                handlers.dispatch(event, json);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new HandlerFailure(e);
            }
            LOG.debugf("%s applied %s %s", consumer.name(), event.type(), event.id());
            return Outcome.APPLIED;
        });
    }

    /**
     * An {@link Error} (out of memory, a failed assertion) is no fault of the event: it ends the consumer's loop,
     * which its supervisor starts again, rather than counting towards a dead letter.
     */
    private static void rethrowError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Error error) {
                throw error;
            }
        }
    }

    /** A checked exception of a handler, carried out of the transaction. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
