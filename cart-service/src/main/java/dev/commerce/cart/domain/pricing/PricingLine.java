package dev.commerce.cart.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A cart line as the pricer sees it: its unit price (with at most the currency's minor digits), quantity and tax
 * category; a line that is not {@code payable} (its product left the catalog) is shown but priced at nothing.
 */
public record PricingLine(UUID lineId, String sku, BigDecimal unitPrice, int quantity, String taxCategory,
                          boolean payable) {

    public PricingLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
