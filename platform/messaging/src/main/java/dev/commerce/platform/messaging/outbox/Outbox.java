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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Where a service's events leave it: {@link #record} adds an event to the caller's transaction, and just before that
 * transaction commits all its events are written into the {@code outbox_event} table in one statement, so an event
 * exists exactly when the state change it describes committed. Nothing is sent to Kafka here; the
 * {@link OutboxRelay} publishes after commit (woken at once, with polling as a fallback).
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING = new Object();
    /**
     * Writes a transaction's events: each aggregate takes as many sequence numbers as it has events (its row lock
     * serialises writers of one aggregate until they commit, so numbers follow commit order; rows are taken in
     * sorted order, so two transactions never wait on each other in a circle), then the events go in, in the order
     * they were recorded.
     */
    private static final String INSERT_WITH_SEQUENCES = """
            WITH event AS (
                SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                    CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS varchar[]), CAST(? AS varchar[]))
                    WITH ORDINALITY AS e(id, topic, aggregate_id, event_type, payload, occurred_at, traceparent,
                        request_id, n)),
            numbered AS (
                SELECT event.*, row_number() OVER (PARTITION BY topic, aggregate_id ORDER BY n) AS nth,
                       count(*) OVER (PARTITION BY topic, aggregate_id) AS of_aggregate
                FROM event),
            taken AS (
                INSERT INTO outbox_aggregate (topic, aggregate_id, last_sequence)
                SELECT topic, aggregate_id, count(*) FROM event GROUP BY topic, aggregate_id ORDER BY topic, aggregate_id
                ON CONFLICT (topic, aggregate_id)
                    DO UPDATE SET last_sequence = outbox_aggregate.last_sequence + EXCLUDED.last_sequence
                RETURNING topic, aggregate_id, last_sequence)
            INSERT INTO outbox_event (id, topic, aggregate_id, sequence, event_type, payload, occurred_at, traceparent,
                request_id)
            SELECT e.id, e.topic, e.aggregate_id, t.last_sequence - e.of_aggregate + e.nth, e.event_type, e.payload,
                   e.occurred_at, e.traceparent, e.request_id
            FROM numbered e JOIN taken t ON t.topic = e.topic AND t.aggregate_id = e.aggregate_id
            ORDER BY e.n""";

    /** An event recorded in the current transaction, not written yet. */
    private record Recorded(UUID id, String topic, String aggregateId, String type, String payload, Instant occurredAt,
                            String traceparent, String requestId) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                  DataSource dataSource, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Records an event of {@code aggregateId} for {@code topic}. The payload is serialised now, as the state was in
     * this transaction; the row is written when the transaction commits. Returns the event's id ({@code ce_id}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, EventType type, String aggregateId, Object payload) {
        UUID id = UUID.randomUUID();
        pendingInThisTransaction().add(new Recorded(id, topic, aggregateId, type.ceType(), serialise(payload),
                Instant.now(), currentTraceparent(), RequestIds.current()));
        return id;
    }

    /**
     * Records a tombstone of {@code aggregateId} for a compacted {@code topic}: a record without a value, after which
     * compaction keeps nothing of the key (its {@code ce_type} says why, e.g. customer-erased).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordTombstone(String topic, EventType type, String aggregateId) {
        UUID id = UUID.randomUUID();
        pendingInThisTransaction().add(new Recorded(id, topic, aggregateId, type.ceType(), null,
                Instant.now(), currentTraceparent(), RequestIds.current()));
        return id;
    }

    /** The events recorded in this transaction; the first call registers their writing before commit. */
    @SuppressWarnings("unchecked")
    private List<Recorded> pendingInThisTransaction() {
        List<Recorded> pending = (List<Recorded>) transactions.getResource(PENDING);
        if (pending != null) {
            return pending;
        }
        List<Recorded> created = new ArrayList<>();
        transactions.putResource(PENDING, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                write(created);
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return created;
    }

    /**
     * Writes the transaction's events in one statement, after the entity changes: those take their row locks first,
     * and the sequence rows come last, as in every transaction.
     */
    private void write(List<Recorded> events) {
        entityManager.flush();
        // Plain JDBC on the transaction's connection (the pool hands out the one enlisted in this transaction): a
        // native query through the EntityManager would flush again, and a connection taken through the session here,
        // after the session let go of it for the commit, stayed open until the pool closed it with a warning.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_WITH_SEQUENCES)) {
            insert.setArray(1, connection.createArrayOf("uuid", events.stream().map(Recorded::id).toArray(UUID[]::new)));
            insert.setArray(2, texts(connection, events, Recorded::topic));
            insert.setArray(3, texts(connection, events, Recorded::aggregateId));
            insert.setArray(4, texts(connection, events, Recorded::type));
            insert.setArray(5, connection.createArrayOf("text",
                    events.stream().map(Recorded::payload).toArray(String[]::new)));
            insert.setArray(6, texts(connection, events, event -> event.occurredAt().toString()));
            insert.setArray(7, texts(connection, events, Recorded::traceparent));
            insert.setArray(8, texts(connection, events, Recorded::requestId));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the transaction's events to the outbox", e);
        }
    }

    private static java.sql.Array texts(Connection connection, List<Recorded> events, Function<Recorded, String> value)
            throws SQLException {
        return connection.createArrayOf("varchar", events.stream().map(value).toArray(String[]::new));
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
