package dev.commerce.catalog.domain;

import java.time.LocalDate;

/** What inventory last said about a SKU; a SKU inventory never mentioned is OUT_OF_STOCK. */
public record Availability(String sku, long available, String status, LocalDate expectedRestockDate) {

    public static Availability unknown(String sku) {
        return new Availability(sku, 0, "OUT_OF_STOCK", null);
    }

    public boolean sellable() {
        return !"OUT_OF_STOCK".equals(status);
    }
}
