package dev.commerce.platform.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.messaging.Timestamps;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code dead_letter} table: events a consumer gave up on, kept for an admin to inspect and re-drive. */
@ApplicationScoped
public class DeadLetters {

    /** PENDING until re-driven successfully. */
    public enum Status { PENDING, REDRIVEN }

    /** One dead letter. */
    @Schema(name = "DeadLetter")
    public record DeadLetter(UUID id,
                             @Schema(description = "The consumer that gave up", examples = "catalog-stock-levels") String consumer,
                             @Schema(examples = "inventory.stock-level.v1") String topic,
                             @Schema(examples = "3") int partition,
                             @Schema(examples = "1842") long offset,
                             @Schema(description = "The record's key", examples = "SKU-TEE-RED-M") String key,
                             @Schema(examples = "0b7c2a9e-4f1d-4e55-9a3c-6d2f8e1b7a40") String eventId,
                             @Schema(examples = "commerce.inventory.stock-level-changed.v1") String eventType,
                             @Schema(description = "The record's headers as text",
                                     examples = "{\"ce_type\":\"commerce.inventory.stock-level-changed.v1\",\"ce_source\":\"inventory-service\"}")
                             Map<String, String> headers,
                             @Schema(description = "The record's value as received", examples = "{\"sku\":\"SKU-TEE-RED-M\",\"available\":-1}")
                             String payload,
                             @Schema(description = "Why the consumer gave up", examples = "IllegalArgumentException: available must not be negative")
                             String error,
                             @Schema(description = "Attempts before giving up", examples = "5") int attempts,
                             Status status, Instant createdAt, Instant redrivenAt) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DeadLetters(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Stores a dead letter; a record dead-lettered before (a crash before its offset was committed) is kept once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(String consumer, IncomingEvent event, String key, String error, int attempts) {
        entityManager.createNativeQuery("""
                        INSERT INTO dead_letter (id, consumer, topic, partition_no, record_offset, record_key, event_id,
                            event_type, headers, payload, error, attempts, status, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'PENDING', ?13)
                        ON CONFLICT (consumer, topic, partition_no, record_offset) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, consumer).setParameter(3, event.topic())
                .setParameter(4, event.partition()).setParameter(5, event.offset()).setParameter(6, key)
                .setParameter(7, event.id()).setParameter(8, event.type()).setParameter(9, write(event.headers()))
                .setParameter(10, event.payload()).setParameter(11, truncate(error)).setParameter(12, attempts)
                .setParameter(13, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(UUID id) {
        return query("WHERE id = ?1", 1).setParameter(1, id).getResultStream().findFirst().map(this::toDeadLetter);
    }

    /** Dead letters of one status, oldest first, after the position when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeadLetter> page(Status status, TimeAndIdPosition after, int limit) {
        var query = after == null
                ? query("WHERE status = ?1 ORDER BY created_at, id", limit).setParameter(1, status.name())
                : query("WHERE status = ?1 AND (created_at > ?2 OR (created_at = ?2 AND id > ?3)) ORDER BY created_at, id", limit)
                        .setParameter(1, status.name()).setParameter(2, OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC))
                        .setParameter(3, after.id());
        return ((List<Tuple>) query.getResultList()).stream().map(this::toDeadLetter).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markRedriven(UUID id) {
        entityManager.createNativeQuery("UPDATE dead_letter SET status = 'REDRIVEN', redriven_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailedRedrive(UUID id, String error) {
        entityManager.createNativeQuery("UPDATE dead_letter SET attempts = attempts + 1, error = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, truncate(error)).executeUpdate();
    }

    private jakarta.persistence.Query query(String where, int limit) {
        return entityManager.createNativeQuery("""
                SELECT id, consumer, topic, partition_no, record_offset, record_key, event_id, event_type, headers,
                       payload, error, attempts, status, created_at, redriven_at FROM dead_letter""" + " " + where, Tuple.class)
                .setMaxResults(limit);
    }

    private DeadLetter toDeadLetter(Object row) {
        Tuple t = (Tuple) row;
        return new DeadLetter(t.get(0, UUID.class), t.get(1, String.class), t.get(2, String.class),
                t.get(3, Number.class).intValue(), t.get(4, Number.class).longValue(), t.get(5, String.class),
                t.get(6, String.class), t.get(7, String.class), read(t.get(8, String.class)), t.get(9, String.class),
                t.get(10, String.class), t.get(11, Number.class).intValue(), Status.valueOf(t.get(12, String.class)),
                Timestamps.toInstant(t.get(13)), t.get(14) == null ? null : Timestamps.toInstant(t.get(14)));
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return json.readerForMapOf(String.class).readValue(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String error) {
        return error == null ? "(no message)" : error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
