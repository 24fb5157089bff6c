package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.PrivacyRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Privacy requests and the parts services sent for them. */
@ApplicationScoped
public class PrivacyRepository implements PanacheRepositoryBase<PrivacyRequest, UUID> {

    /** One service's chunks: how many arrived and how many it announced. */
    public record PartCount(String service, int received, int expected) {
    }

    private final EntityManager entityManager;

    public PrivacyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<PrivacyRequest> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Stores a chunk (a redelivered one changes nothing). {@code dataJson} null: a confirmation without data. */
    public void addPart(UUID requestId, String service, int part, int parts, String dataJson, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO privacy_part (request_id, service, part, parts, data, received_at)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, requestId).setParameter(2, service).setParameter(3, part).setParameter(4, parts)
                .setParameter(5, dataJson).setParameter(6, Timestamp.from(now)).executeUpdate();
    }

    public List<PartCount> counts(UUID requestId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT service, count(*), max(parts) FROM privacy_part WHERE request_id = ?1 GROUP BY service ORDER BY service""")
                .setParameter(1, requestId).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new PartCount((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).intValue())).toList();
    }

    /** Each service's records, its chunks' data concatenated in order, as one JSON array per service. */
    public Map<String, String> documents(UUID requestId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT service, jsonb_agg(item ORDER BY part, n)::text
                        FROM privacy_part, jsonb_array_elements(coalesce(data, '[]'::jsonb)) WITH ORDINALITY AS e(item, n)
                        WHERE request_id = ?1 GROUP BY service ORDER BY service""")
                .setParameter(1, requestId).getResultList();
        Map<String, String> documents = new LinkedHashMap<>();
        rows.stream().map(row -> (Object[]) row).forEach(row -> documents.put((String) row[0], (String) row[1]));
        return documents;
    }

    /** Exports of the customer (their parts hold personal data): deleted at erasure. */
    public void deleteExportsOf(UUID customerId) {
        delete("customerId = ?1 AND kind = ?2", customerId, PrivacyRequest.Kind.EXPORT);
    }

    /** Finished exports are kept for their download this long, then deleted. */
    public long deleteExportsCompletedBefore(Instant before) {
        return delete("kind = ?1 AND completedAt < ?2", PrivacyRequest.Kind.EXPORT, before);
    }
}
