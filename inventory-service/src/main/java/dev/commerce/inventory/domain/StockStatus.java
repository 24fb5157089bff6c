package dev.commerce.inventory.domain;

/** What a shopper is told about a SKU's availability. */
public enum StockStatus {
    IN_STOCK, LOW_STOCK, OUT_OF_STOCK, BACKORDERABLE;

    /**
     * The status of {@code available} units: more than the low-stock threshold is in stock, 1 up to the threshold is
     * low, none is out of stock unless the SKU may be ordered on backorder.
     */
    public static StockStatus of(long available, int lowStockThreshold, boolean backorderable) {
        if (available > lowStockThreshold) {
            return IN_STOCK;
        }
        if (available > 0) {
            return LOW_STOCK;
        }
        return backorderable ? BACKORDERABLE : OUT_OF_STOCK;
    }
}
