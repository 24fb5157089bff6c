package dev.commerce.order.domain.fulfillment;

import jakarta.persistence.Embeddable;

import java.util.Objects;

/** Units of one SKU, as a shipment carries them or a return sends them back. */
@Embeddable
public class SkuQuantity {

    private String sku;
    private int quantity;

    protected SkuQuantity() {
        // for Hibernate
    }

    public SkuQuantity(String sku, int quantity) {
        this.sku = Objects.requireNonNull(sku);
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SkuQuantity that && that.quantity == quantity && that.sku.equals(sku);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity);
    }

    @Override
    public String toString() {
        return quantity + " x " + sku;
    }
}
