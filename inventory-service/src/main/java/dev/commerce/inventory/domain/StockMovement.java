package dev.commerce.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of the ledger: every change of on-hand or reserved stock, from which every level can be recomputed. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

    /** Why stock moved. */
    public enum Type { RECEIPT, ADJUSTMENT, RESERVATION, COMMIT, RELEASE, EXPIRY, RETURN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    @Column(name = "warehouse_id")
    private UUID warehouseId;
    @Enumerated(EnumType.STRING)
    private Type type;
    @Column(name = "on_hand_delta")
    private int onHandDelta;
    @Column(name = "reserved_delta")
    private int reservedDelta;
    private String reason;
    private String reference;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected StockMovement() {
        // for Hibernate
    }

    public StockMovement(StockItem item, Type type, int onHandDelta, int reservedDelta, String reason, String reference,
                         String createdBy, Instant now) {
        this.sku = item.sku();
        this.warehouseId = item.warehouseId();
        this.type = type;
        this.onHandDelta = onHandDelta;
        this.reservedDelta = reservedDelta;
        this.reason = reason;
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public Type type() {
        return type;
    }

    public int onHandDelta() {
        return onHandDelta;
    }

    public int reservedDelta() {
        return reservedDelta;
    }

    public String reason() {
        return reason;
    }

    public String reference() {
        return reference;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
