package dev.commerce.platform.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.web.http.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where a service's events leave it: {@link #record} writes an event into the {@code outbox_event} table inside the
 * caller's transaction, so the event exists exactly when the state change it describes committed. Nothing is sent
 * to Kafka here; the {@link OutboxRelay} publishes after commit (woken at once, with polling as a fallback).
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay) {
        this.entityManager = entityManager;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records an event of {@code aggregateId} for {@code topic}. The payload is serialised now, as the state was in
     * this transaction. Returns the event's id ({@code ce_id}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, EventType type, String aggregateId, Object payload) {
        UUID id = UUID.randomUUID();
        long sequence = nextSequence(topic, aggregateId);
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, aggregate_id, sequence, event_type, payload, occurred_at,
                            traceparent, request_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, topic).setParameter(3, aggregateId).setParameter(4, sequence)
                .setParameter(5, type.ceType()).setParameter(6, serialise(payload))
                .setParameter(7, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .setParameter(8, currentTraceparent()).setParameter(9, RequestIds.current())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /** The next number of the aggregate's sequence; the row lock serialises writers of one aggregate. */
    private long nextSequence(String topic, String aggregateId) {
        Object next = entityManager.createNativeQuery("""
                        INSERT INTO outbox_aggregate (topic, aggregate_id, last_sequence) VALUES (?1, ?2, 1)
                        ON CONFLICT (topic, aggregate_id) DO UPDATE SET last_sequence = outbox_aggregate.last_sequence + 1
                        RETURNING last_sequence""")
                .setParameter(1, topic).setParameter(2, aggregateId).getSingleResult();
        return ((Number) next).longValue();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }

    /** W3C trace context of the current span, so a consumer can continue the trace; null outside a trace. */
    private static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
