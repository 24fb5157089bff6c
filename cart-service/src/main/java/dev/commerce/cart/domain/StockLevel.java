package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** What inventory last said of a SKU: units that can be sold now, and whether it sells beyond them (backorder). */
@Entity
@Table(name = "stock_level")
public class StockLevel {

    public static final String BACKORDERABLE = "BACKORDERABLE";

    @Id
    private String sku;
    private long available;
    private String status;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected StockLevel() {
        // for Hibernate
    }

    public StockLevel(String sku) {
        this.sku = sku;
    }

    /**
     * Takes inventory's latest word; a level that did not change (an order's reserved units leaving with it changes
     * on-hand and reserved, not what can be sold) leaves the row as it is, so no update is written.
     */
    public void update(long available, String status, Instant now) {
        String effective = status == null ? "OUT_OF_STOCK" : status;
        if (updatedAt != null && this.available == available && effective.equals(this.status)) {
            return;
        }
        this.available = available;
        this.status = effective;
        this.updatedAt = now;
    }

    /** Whether {@code quantity} units can be sold now. */
    public boolean covers(long quantity) {
        return backorderable() || quantity <= available;
    }

    public boolean backorderable() {
        return BACKORDERABLE.equals(status);
    }

    public String sku() {
        return sku;
    }

    public long available() {
        return Math.max(0, available);
    }

    public String status() {
        return status;
    }
}
