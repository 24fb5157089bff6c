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
import org.hibernate.Session;

import java.sql.PreparedStatement;
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
    /**
     * Takes the aggregate's next sequence number and writes the event in one statement. The sequence row's lock
     * serialises writers of one aggregate until they commit, so numbers are handed out in commit order.
     */
    private static final String INSERT_WITH_NEXT_SEQUENCE = """
            WITH next AS (
                INSERT INTO outbox_aggregate (topic, aggregate_id, last_sequence) VALUES (?, ?, 1)
                ON CONFLICT (topic, aggregate_id) DO UPDATE SET last_sequence = outbox_aggregate.last_sequence + 1
                RETURNING topic, aggregate_id, last_sequence)
            INSERT INTO outbox_event (id, topic, aggregate_id, sequence, event_type, payload, occurred_at, traceparent,
                request_id)
            SELECT ?, topic, aggregate_id, last_sequence, ?, ?, ?, ?, ? FROM next""";

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
        String serialised = serialise(payload);
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String traceparent = currentTraceparent();
        String requestId = RequestIds.current();
        // Plain JDBC on the transaction's connection: a native query through the EntityManager would first flush
        // every pending entity change (Hibernate cannot tell which tables the SQL touches), once per event.
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_NEXT_SEQUENCE)) {
                insert.setString(1, topic);
                insert.setString(2, aggregateId);
                insert.setObject(3, id);
                insert.setString(4, type.ceType());
                insert.setString(5, serialised);
                insert.setObject(6, occurredAt);
                insert.setString(7, traceparent);
                insert.setString(8, requestId);
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
        return id;
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
