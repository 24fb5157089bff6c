package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token of a session, known only by its hash. Each one is good for one refresh: using it rotates it
 * (a new token replaces it), and presenting a rotated one again means two parties hold it, so the session ends.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    /** What presenting this token leads to. */
    public enum Use {
        /** Valid: a new token replaces it. */
        ROTATED,
        /** Already rotated: someone replays it; the whole session must end. */
        REUSED,
        /** Past its lifetime. */
        EXPIRED,
        /** Its session was ended (sign-out, password change, block, an earlier reuse). */
        SESSION_ENDED
    }

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "rotated_at")
    private Instant rotatedAt;

    protected RefreshToken() {
        // for Hibernate
    }

    public RefreshToken(String tokenHash, UUID sessionId, Instant now, Instant expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.issuedAt = now;
        this.expiresAt = expiresAt;
    }

    /** Presents the token for a refresh of {@code session} (its own session); a valid one is rotated here. */
    public Use use(Session session, Instant now) {
        if (!session.id().equals(sessionId)) {
            throw new IllegalArgumentException("token of session " + sessionId + " presented for " + session.id());
        }
        if (!session.active()) {
            return Use.SESSION_ENDED;
        }
        if (rotatedAt != null) {
            return Use.REUSED;
        }
        if (!now.isBefore(expiresAt)) {
            return Use.EXPIRED;
        }
        rotatedAt = now;
        return Use.ROTATED;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
