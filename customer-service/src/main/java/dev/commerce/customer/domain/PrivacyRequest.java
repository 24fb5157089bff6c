package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's request for their data (EXPORT: READY once every service sent its whole part) or for its erasure
 * (ERASURE: COMPLETED once every service confirmed). The services that must answer are named by configuration.
 */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {

    public enum Kind { EXPORT, ERASURE }

    public enum Status { PENDING, READY, COMPLETED }

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected PrivacyRequest() {
        // for Hibernate
    }

    public PrivacyRequest(UUID customerId, Kind kind, String requestedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = Objects.requireNonNull(customerId);
        this.kind = Objects.requireNonNull(kind);
        this.status = Status.PENDING;
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = now;
    }

    /**
     * Records what the services have answered so far ({@code received}: service -> chunks received,
     * {@code expected}: service -> chunks announced) and finishes the request once each expected service answered whole.
     */
    public boolean settle(Set<String> services, Map<String, Integer> received, Map<String, Integer> expected, Instant now) {
        if (status != Status.PENDING) {
            return false;
        }
        boolean complete = services.stream().allMatch(service -> expected.containsKey(service)
                && expected.get(service).equals(received.get(service)));
        if (complete) {
            status = kind == Kind.EXPORT ? Status.READY : Status.COMPLETED;
            completedAt = now;
        }
        return complete;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public Kind kind() {
        return kind;
    }

    public Status status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
