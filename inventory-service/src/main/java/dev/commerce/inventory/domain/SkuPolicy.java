package dev.commerce.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Objects;

/** How a SKU's availability is told: its low-stock threshold, and whether it may be ordered on backorder. */
@Entity
@Table(name = "sku_policy")
public class SkuPolicy {

    public static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

    @Id
    private String sku;
    @Column(name = "low_stock_threshold")
    private int lowStockThreshold;
    private boolean backorderable;
    @Column(name = "expected_restock_date")
    private LocalDate expectedRestockDate;
    @Version
    private long version;

    protected SkuPolicy() {
        // for Hibernate
    }

    public SkuPolicy(String sku) {
        this.sku = Objects.requireNonNull(sku);
        this.lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;
    }

    public void change(int newThreshold, boolean nowBackorderable, LocalDate restockDate) {
        this.lowStockThreshold = newThreshold;
        this.backorderable = nowBackorderable;
        this.expectedRestockDate = restockDate;
    }

    public StockStatus statusOf(long available) {
        return StockStatus.of(available, lowStockThreshold, backorderable);
    }

    public String sku() {
        return sku;
    }

    public int lowStockThreshold() {
        return lowStockThreshold;
    }

    public boolean backorderable() {
        return backorderable;
    }

    public LocalDate expectedRestockDate() {
        return expectedRestockDate;
    }

    public long version() {
        return version;
    }
}
