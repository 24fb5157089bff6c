package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * What inventory last said of a SKU: units that can be sold now, and whether it sells beyond them (backorder).
 * Written only by {@link dev.commerce.cart.persistence.StockLevelRepository#applyNewer}, with the level's sequence.
 */
@Entity
@Immutable
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
