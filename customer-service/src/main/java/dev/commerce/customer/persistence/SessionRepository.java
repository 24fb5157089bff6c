package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.RefreshToken;
import dev.commerce.customer.domain.Session;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions and their refresh tokens. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    private final EntityManager entityManager;

    public SessionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Session> activeOf(UUID customerId) {
        return list("customerId = ?1 AND revokedAt IS NULL", customerId);
    }

    /**
     * The session a refresh token belongs to, locked, so that two refreshes of one session take turns and a token
     * rotates once; the token is read after the lock, as the turn before left it.
     */
    public Optional<Locked> lockByToken(String tokenHash) {
        List<UUID> sessionIds = entityManager.createQuery(
                        "SELECT t.sessionId FROM RefreshToken t WHERE t.tokenHash = :hash", UUID.class)
                .setParameter("hash", tokenHash).getResultList();
        if (sessionIds.isEmpty()) {
            return Optional.empty();
        }
        Session session = find("id", sessionIds.get(0)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        RefreshToken token = entityManager.find(RefreshToken.class, tokenHash);
        return session == null || token == null ? Optional.empty() : Optional.of(new Locked(session, token));
    }

    public void addToken(RefreshToken token) {
        entityManager.persist(token);
    }

    /** Tokens past their lifetime and sessions ended long ago are of no use any more. */
    public int deleteExpired(Instant now, Instant endedBefore) {
        int tokens = entityManager.createQuery("DELETE FROM RefreshToken t WHERE t.expiresAt < :now")
                .setParameter("now", now).executeUpdate();
        int sessions = entityManager.createQuery("DELETE FROM Session s WHERE s.revokedAt < :before")
                .setParameter("before", endedBefore).executeUpdate();
        return tokens + sessions;
    }

    /** A session with the refresh token presented for it. */
    public record Locked(Session session, RefreshToken token) {
    }
}
