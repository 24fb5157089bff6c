package dev.commerce.order.domain.fulfillment;

import dev.commerce.platform.domain.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Units of an order that left together with one carrier, and the amount their departure captures. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    private String carrier;
    @Column(name = "tracking_number")
    private String trackingNumber;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    private List<SkuQuantity> lines = new ArrayList<>();
    @Column(name = "capture_amount")
    private BigDecimal captureAmount;
    private String currency;
    @Column(name = "shipped_at")
    private Instant shippedAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected Shipment() {
        // for Hibernate
    }

    public Shipment(UUID id, UUID orderId, String carrier, String trackingNumber, List<SkuQuantity> lines,
                    BigDecimal captureAmount, String currency, Instant shippedAt) {
        this.id = Objects.requireNonNull(id);
        this.orderId = Objects.requireNonNull(orderId);
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.lines.addAll(lines);
        this.captureAmount = Objects.requireNonNull(captureAmount);
        this.currency = Objects.requireNonNull(currency);
        this.shippedAt = Objects.requireNonNull(shippedAt);
    }

    /** Records the delivery once; answers false when it was recorded before (a repeated call changes nothing). */
    public boolean delivered(Instant at) {
        if (deliveredAt != null) {
            return false;
        }
        deliveredAt = Objects.requireNonNull(at);
        return true;
    }

    /** A shipment is reused by its id only for the same content (a retried request, not a different one). */
    public void requireSameAs(List<SkuQuantity> requested) {
        if (!lines.equals(requested)) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key already created a shipment with other lines");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public List<SkuQuantity> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal captureAmount() {
        return captureAmount;
    }

    public String currency() {
        return currency;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
