package dev.commerce.cart.domain.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A payable cart line as promotions see it. */
public record PromotionLine(UUID lineId, String sku, String productId, List<String> categoryIds, BigDecimal unitPrice,
                            int quantity) {

    public PromotionLine {
        categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
    }

    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
