package dev.commerce.order.domain.fulfillment;

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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Delivered units the shopper sends back: REQUESTED (the units are set aside, so no second return claims them),
 * RECEIVED when the warehouse has them (they are restocked and the refund is asked for), REFUNDED when payment-service
 * reports the money went back.
 */
@Entity
@Table(name = "order_return")
public class OrderReturn {

    public enum Status { REQUESTED, RECEIVED, REFUNDED }

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "return_line", joinColumns = @JoinColumn(name = "return_id"))
    @OrderColumn(name = "position")
    private List<SkuQuantity> lines = new ArrayList<>();
    @Column(name = "refund_amount")
    private BigDecimal refundAmount;
    private String currency;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "refunded_at")
    private Instant refundedAt;
    @Version
    private long version;

    protected OrderReturn() {
        // for Hibernate
    }

    public OrderReturn(UUID id, UUID orderId, String reason, List<SkuQuantity> lines, BigDecimal refundAmount, String currency,
                       Instant requestedAt) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.reason = reason;
        this.lines.addAll(lines);
        this.refundAmount = Objects.requireNonNull(refundAmount);
        this.currency = Objects.requireNonNull(currency);
        this.requestedAt = Objects.requireNonNull(requestedAt);
        this.status = Status.REQUESTED;
    }

    /** The goods arrived; answers false when the receipt was recorded before (a repeated call changes nothing). */
    public boolean received(Instant at) {
        if (status != Status.REQUESTED) {
            return false;
        }
        status = Status.RECEIVED;
        receivedAt = Objects.requireNonNull(at);
        return true;
    }

    /** payment-service refunded it; answers false for a repeated report. */
    public boolean refunded(Instant at) {
        if (status == Status.REFUNDED) {
            return false;
        }
        status = Status.REFUNDED;
        refundedAt = Objects.requireNonNull(at);
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public List<SkuQuantity> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal refundAmount() {
        return refundAmount;
    }

    public String currency() {
        return currency;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public long version() {
        return version;
    }
}
