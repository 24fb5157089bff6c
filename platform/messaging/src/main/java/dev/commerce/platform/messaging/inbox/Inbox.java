package dev.commerce.platform.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The inbox tables: which events a consumer applied, and the latest sequence it applied per aggregate. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records that {@code consumer} applies {@code eventId} in this transaction; false if it already did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer).setParameter(2, eventId)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /**
     * Records in one statement that {@code consumer} applies each of {@code eventIds} in this transaction; returns
     * those it had not applied before (the others are redeliveries to skip).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Set<String> firstDeliveries(String consumer, List<String> eventIds) {
        List<Object> recorded = entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_id, processed_at)
                        SELECT ?1, id, ?3 FROM unnest(CAST(?2 AS varchar[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id""")
                .setParameter(1, consumer).setParameter(2, eventIds.toArray(new String[0]))
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).getResultList();
        Set<String> first = new HashSet<>();
        recorded.forEach(id -> first.add((String) id));
        return first;
    }

    /**
     * For read models: moves the consumer's position of {@code aggregateId} to {@code sequence} and returns true,
     * or returns false when it already applied that sequence or a later one (a stale or replayed event to ignore).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advance(String consumer, String aggregateId, long sequence) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_aggregate_position (consumer, aggregate_id, last_sequence) VALUES (?1, ?2, ?3)
                        ON CONFLICT (consumer, aggregate_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence
                        WHERE inbox_aggregate_position.last_sequence < EXCLUDED.last_sequence""")
                .setParameter(1, consumer).setParameter(2, aggregateId).setParameter(3, sequence)
                .executeUpdate() == 1;
    }
}
