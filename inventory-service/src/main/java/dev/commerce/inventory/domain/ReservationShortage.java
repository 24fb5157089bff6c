package dev.commerce.inventory.domain;

import jakarta.persistence.Embeddable;

/** A line that could not be held: requested units and what was available over all active warehouses. */
@Embeddable
public record ReservationShortage(String sku, int requested, int available) {
}
