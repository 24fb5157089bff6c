package dev.commerce.platform.messaging.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;

/**
 * The platform tables that copy what clients and events carried: dead letters (event payloads and keys) and
 * idempotency records (replayed responses, by principal). An erasure removes every row that names the person.
 * (The inbox keeps event ids only; the outbox deletes an event once the broker has it.)
 */
@ApplicationScoped
public class PlatformRecordsErasure {

    private final EntityManager entityManager;

    public PlatformRecordsErasure(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Deletes the rows naming any of {@code identifiers} (a customer id, an e-mail address); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int erase(Collection<String> identifiers) {
        int removed = 0;
        for (String identifier : identifiers) {
            if (identifier == null || identifier.isBlank()) {
                continue;
            }
            String like = "%" + identifier.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            removed += entityManager.createNativeQuery("""
                            DELETE FROM dead_letter WHERE lower(coalesce(payload, '')) LIKE ?1 OR lower(headers) LIKE ?1
                                OR lower(coalesce(record_key, '')) LIKE ?1""")
                    .setParameter(1, like).executeUpdate();
            removed += entityManager.createNativeQuery("""
                            DELETE FROM idempotency_record WHERE principal = ?1 OR lower(coalesce(response_body, '')) LIKE ?2""")
                    .setParameter(1, identifier).setParameter(2, like).executeUpdate();
        }
        return removed;
    }
}
