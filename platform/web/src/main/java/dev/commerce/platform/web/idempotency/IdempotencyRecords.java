package dev.commerce.platform.web.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code idempotency_record} table of the service's own database (migration V0_1 of platform/web). */
@ApplicationScoped
public class IdempotencyRecords {

    private final EntityManager entityManager;

    public IdempotencyRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What identifies one idempotent request. */
    public record Key(String principal, String method, String path, String key) {
        public long lockId() {
            byte[] digest = sha256(principal + '\n' + method + '\n' + path + '\n' + key);
            return ByteBuffer.wrap(digest).getLong();
        }
    }

    /** A completed request and the response it produced. */
    public record Stored(String requestHash, int status, String headersJson, String body) {
    }

    /**
     * Takes a transaction-scoped advisory lock on the key; false when another transaction holds it, that is when
     * a request with the same key is still in flight.
     */
    public boolean tryLock(Key key) {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, key.lockId()).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    public Optional<Stored> find(Key key, Duration retention) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                        SELECT request_hash, response_status, response_headers, response_body FROM idempotency_record
                        WHERE principal = ?1 AND http_method = ?2 AND path = ?3 AND idempotency_key = ?4 AND created_at > ?5""",
                        Tuple.class)
                .setParameter(1, key.principal()).setParameter(2, key.method()).setParameter(3, key.path())
                .setParameter(4, key.key()).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                .getResultList();
        return rows.stream().findFirst().map(row -> new Stored(row.get(0, String.class),
                row.get(1, Number.class).intValue(), row.get(2, String.class), row.get(3, String.class)));
    }

    /** Records the response; replaces an expired record of the same key. */
    public void save(Key key, Stored stored) {
        entityManager.createNativeQuery("""
                        INSERT INTO idempotency_record (principal, http_method, path, idempotency_key, request_hash,
                            response_status, response_headers, response_body, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now())
                        ON CONFLICT (principal, http_method, path, idempotency_key) DO UPDATE SET
                            request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
                            response_headers = EXCLUDED.response_headers, response_body = EXCLUDED.response_body,
                            created_at = EXCLUDED.created_at""")
                .setParameter(1, key.principal()).setParameter(2, key.method()).setParameter(3, key.path())
                .setParameter(4, key.key()).setParameter(5, stored.requestHash()).setParameter(6, stored.status())
                .setParameter(7, stored.headersJson()).setParameter(8, stored.body())
                .executeUpdate();
    }

    /** Deletes records older than the retention; returns how many. */
    public int deleteOlderThan(Duration retention) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_record WHERE created_at <= ?1")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                .executeUpdate();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
