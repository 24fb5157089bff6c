package dev.commerce.inventory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Stock held for one order (at most one reservation per order, so every operation is idempotent per order id).
 * Its life: ACTIVE until committed, released or expired; REJECTED when it could not be held at all;
 * COMMIT_FAILED when a commit met an expired reservation and the stock was gone.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    /** Where a reservation is in its life. */
    public enum Status {
        ACTIVE, COMMITTED, RELEASED, EXPIRED, REJECTED, COMMIT_FAILED;

        /** Whether stock is held for the order (reserved or already taken off the shelf). */
        public boolean holdsStock() {
            return this == ACTIVE || this == COMMITTED;
        }
    }

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "position")
    private List<ReservationLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_shortage", joinColumns = @JoinColumn(name = "reservation_id"))
    @OrderColumn(name = "position")
    private List<ReservationShortage> shortages = new ArrayList<>();

    protected Reservation() {
        // for Hibernate
    }

    private Reservation(UUID orderId, Status status, Instant expiresAt, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = Objects.requireNonNull(orderId);
        this.status = status;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Stock held until {@code expiresAt}; the caller has reserved every line on its stock item. */
    public static Reservation held(UUID orderId, List<ReservationLine> lines, Instant expiresAt, String createdBy, Instant now) {
        Reservation reservation = new Reservation(orderId, Status.ACTIVE, expiresAt, createdBy, now);
        reservation.lines.addAll(lines);
        return reservation;
    }

    /** Nothing held: the order's short lines, kept so a repeated request for the order gets the same answer. */
    public static Reservation rejected(UUID orderId, List<ReservationShortage> shortages, String createdBy, Instant now) {
        Reservation reservation = new Reservation(orderId, Status.REJECTED, null, createdBy, now);
        reservation.shortages.addAll(shortages);
        return reservation;
    }

    /** Units per SKU the order asked for (its lines merged over warehouses), in line order. */
    public Map<String, Integer> requestedUnits() {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        return units;
    }

    public boolean isDue(Instant now) {
        return status == Status.ACTIVE && !expiresAt.isAfter(now);
    }

    public void committed(Instant now) {
        transition(Status.COMMITTED, now, Status.ACTIVE);
    }

    public void released(Instant now) {
        transition(Status.RELEASED, now, Status.ACTIVE, Status.COMMITTED);
    }

    public void expired(Instant now) {
        transition(Status.EXPIRED, now, Status.ACTIVE);
    }

    /** An expired reservation held again in full (for a commit): the stock may now sit in other warehouses. */
    public void heldAgain(List<ReservationLine> newLines, Instant newExpiry, Instant now) {
        transition(Status.ACTIVE, now, Status.EXPIRED);
        lines.clear();
        lines.addAll(newLines);
        expiresAt = newExpiry;
    }

    /** A commit met an expired reservation and the stock was no longer there. */
    public void commitFailed(List<ReservationShortage> missing, Instant now) {
        transition(Status.COMMIT_FAILED, now, Status.EXPIRED);
        shortages.clear();
        shortages.addAll(missing);
    }

    private void transition(Status next, Instant now, Status... allowedFrom) {
        if (!List.of(allowedFrom).contains(status)) {
            throw new IllegalStateException("reservation " + id + " cannot go from " + status + " to " + next);
        }
        status = next;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public Status status() {
        return status;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }

    public List<ReservationShortage> shortages() {
        return List.copyOf(shortages);
    }
}
