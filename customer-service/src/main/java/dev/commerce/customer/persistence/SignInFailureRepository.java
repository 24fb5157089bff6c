package dev.commerce.customer.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Failed sign-ins by subject ({@code account:<email>}, {@code address:<ip>}), for throttling. */
@ApplicationScoped
public class SignInFailureRepository {

    private final EntityManager entityManager;

    public SignInFailureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(List<String> subjects, Instant at) {
        for (String subject : subjects) {
            entityManager.createNativeQuery("INSERT INTO sign_in_failure (subject, failed_at) VALUES (?1, ?2)")
                    .setParameter(1, subject).setParameter(2, Timestamp.from(at)).executeUpdate();
        }
    }

    /** The subject's failures since {@code since}, oldest first. */
    public List<Instant> since(String subject, Instant since) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT failed_at FROM sign_in_failure WHERE subject = ?1 AND failed_at > ?2 ORDER BY failed_at")
                .setParameter(1, subject).setParameter(2, Timestamp.from(since)).getResultList();
        return rows.stream().map(SignInFailureRepository::instant).toList();
    }

    public void clear(String subject) {
        entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE subject = ?1").setParameter(1, subject)
                .executeUpdate();
    }

    /** Failures older than {@code before} no longer count: the housekeeping job removes them. */
    public int deleteBefore(Instant before) {
        return entityManager.createNativeQuery("DELETE FROM sign_in_failure WHERE failed_at < ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
