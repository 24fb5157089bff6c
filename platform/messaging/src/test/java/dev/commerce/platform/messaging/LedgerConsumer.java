package dev.commerce.platform.messaging;

import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer of the test application: records each ledger change it applies. A payload marked {@code poison}
 * fails until a test declares the cause fixed; one marked {@code fatal} ends the consumer's loop (an
 * {@link Error}, which no retry catches) as many times as {@link #FATAL_FAILURES} allows.
 */
@ApplicationScoped
public class LedgerConsumer implements EventConsumer {

    static final String NAME = "messaging-test.ledger";
    static final AtomicBoolean POISON_FIXED = new AtomicBoolean();
    static final AtomicInteger FATAL_FAILURES = new AtomicInteger();
    /** When each change was applied (System.nanoTime), by "ledger#changeNo": read by the latency benchmark. */
    static final java.util.Map<String, Long> APPLIED_AT = new java.util.concurrent.ConcurrentHashMap<>();
    /** The trace id current in the handler, by "ledger#changeNo". */
    static final java.util.Map<String, String> TRACE_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The payload of ledger-changed, as this consumer reads it. */
    record LedgerChanged(String ledgerId, int changeNo, boolean poison, boolean fatal) {
    }

    private final EntityManager entityManager;
    private final EventHandlers handlers;

    public LedgerConsumer(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.handlers = EventHandlers.builder()
                .on(LedgerChanges.LEDGER_CHANGED.ceType(), LedgerChanged.class, this::apply)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(LedgerChanges.TOPIC);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private void apply(LedgerChanged change, IncomingEvent event) {
        if (change.poison() && !POISON_FIXED.get()) {
            throw new IllegalStateException("cannot apply a poisoned change");
        }
        if (change.fatal() && FATAL_FAILURES.getAndDecrement() > 0) {
            throw new AssertionError("the loop of " + NAME + " dies here");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO test_applied (event_id, ledger_id, sequence, change_no) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, event.id()).setParameter(2, change.ledgerId())
                .setParameter(3, event.sequence()).setParameter(4, change.changeNo())
                .executeUpdate();
        entityManager.flush();
        String key = change.ledgerId() + "#" + change.changeNo();
        APPLIED_AT.put(key, System.nanoTime());
        String traceId = org.jboss.logging.MDC.get("traceId") instanceof String id ? id : "";
        TRACE_IDS.put(key, traceId);
    }
}
