package dev.commerce.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The stock of one SKU in one warehouse: on hand, reserved for orders, and what is left to sell. */
@Entity
@Table(name = "stock_item")
public class StockItem {

    @Id
    private UUID id;
    private String sku;
    @Column(name = "warehouse_id")
    private UUID warehouseId;
    @Column(name = "on_hand")
    private int onHand;
    private int reserved;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StockItem() {
        // for Hibernate
    }

    public StockItem(String sku, UUID warehouseId, Instant now) {
        this.id = UUID.randomUUID();
        this.sku = Objects.requireNonNull(sku);
        this.warehouseId = Objects.requireNonNull(warehouseId);
        this.updatedAt = now;
    }

    /**
     * Changes on-hand stock by {@code delta}. Refuses to go below what is reserved: reserved units belong to orders,
     * and taking them away would make availability negative.
     */
    public void changeOnHand(int delta, Instant now) {
        long next = (long) onHand + delta;
        if (next < 0) {
            throw new StockRuleViolation("negative-stock", "on-hand stock of " + sku + " cannot go below zero (is " + onHand + ")");
        }
        if (next < reserved) {
            throw new StockRuleViolation("below-reserved", "on-hand stock of " + sku + " cannot go below the " + reserved
                    + " units reserved for orders");
        }
        onHand = (int) next;
        updatedAt = now;
    }

    public int available() {
        return onHand - reserved;
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public UUID warehouseId() {
        return warehouseId;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
