package dev.commerce.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** Units of one SKU held in one warehouse for a reservation. */
@Embeddable
public record ReservationLine(String sku, @Column(name = "warehouse_id") UUID warehouseId, int quantity) {
}
