package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One sign-in of a customer on one device: the family of refresh tokens that rotate from it. Access tokens name it
 * ({@code sid}), so "sign out everywhere else" knows which one to keep.
 */
@Entity
@Table(name = "customer_session")
public class Session {

    /** Why a session ended. */
    public enum EndReason { SIGNED_OUT, SIGNED_OUT_EVERYWHERE, PASSWORD_CHANGED, PASSWORD_RESET, TOKEN_REUSED, BLOCKED }

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "last_refreshed_at")
    private Instant lastRefreshedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_reason")
    private String revokedReason;

    protected Session() {
        // for Hibernate
    }

    public Session(UUID customerId, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = Objects.requireNonNull(customerId);
        this.createdAt = now;
        this.lastRefreshedAt = now;
    }

    public void refreshed(Instant now) {
        this.lastRefreshedAt = now;
    }

    /** Ends the session; its refresh tokens are refused from now on. Ending an ended session keeps the first reason. */
    public void end(EndReason reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.name();
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String revokedReason() {
        return revokedReason;
    }
}
