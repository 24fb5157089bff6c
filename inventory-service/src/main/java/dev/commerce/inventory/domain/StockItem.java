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
    /** The SKU's backorder policy as the database's check constraint reads it; changed only with the policy. */
    @Column(name = "backorderable", updatable = false)
    private boolean backorderable;
    @Version
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StockItem() {
        // for Hibernate
    }

    public StockItem(String sku, UUID warehouseId, boolean backorderable, Instant now) {
        this.id = UUID.randomUUID();
        this.sku = Objects.requireNonNull(sku);
        this.warehouseId = Objects.requireNonNull(warehouseId);
        this.backorderable = backorderable;
        this.updatedAt = now;
    }

    /**
     * Changes on-hand stock by {@code delta} (a count, a receipt, a damaged unit). A decrease may not go below zero,
     * nor below what is reserved: reserved units belong to orders, and taking them away would oversell. An
     * increase is always allowed, also when a backorder left the count below zero.
     */
    public void changeOnHand(int delta, Instant now) {
        long next = (long) onHand + delta;
        if (delta < 0 && next < 0) {
            throw new StockRuleViolation("negative-stock", "on-hand stock of " + sku + " cannot go below zero (is " + onHand + ")");
        }
        if (delta < 0 && next < reserved) {
            throw new StockRuleViolation("below-reserved", "on-hand stock of " + sku + " cannot go below the " + reserved
                    + " units reserved for orders");
        }
        onHand = Math.toIntExact(next);
        updatedAt = now;
    }

    /**
     * Holds {@code quantity} units for an order. Without backorders only available units can be held: this is the
     * last guard against overselling, checked on the locked row whatever the caller computed before.
     */
    public void reserve(int quantity, boolean backorderable, Instant now) {
        requirePositive(quantity);
        if (!backorderable && quantity > available()) {
            throw new StockRuleViolation("insufficient-stock", "only " + Math.max(0, available()) + " of " + sku
                    + " available in this warehouse, " + quantity + " requested");
        }
        reserved += quantity;
        updatedAt = now;
    }

    /** Gives held units back (a cancelled or expired order). */
    public void release(int quantity, Instant now) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot release " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
        updatedAt = now;
    }

    /**
     * Turns held units into sold ones: they leave the shelf. Below zero on hand only for a backorder, whose units
     * were reserved beyond the shelf and arrive with the next receipt.
     */
    public void commit(int quantity, boolean backorderable, Instant now) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new IllegalStateException("cannot commit " + quantity + " of " + sku + ": only " + reserved + " reserved");
        }
        if (!backorderable && quantity > onHand) {
            throw new StockRuleViolation("negative-stock", "committing " + quantity + " of " + sku + " would take on-hand stock below zero");
        }
        reserved -= quantity;
        onHand -= quantity;
        updatedAt = now;
    }

    private void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
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
