package dev.commerce.cart.application;

import dev.commerce.cart.domain.SkuPrice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product as catalog-service published it, with what carts need of it. */
public record CatalogProduct(UUID productId, String name, boolean active, String taxCategory, String imageUrl,
                             List<UUID> categoryIds, List<Variant> variants) {

    /** A variant: its prices by currency, and whether it is on sale. */
    public record Variant(UUID variantId, String sku, Map<String, String> options, Map<String, SkuPrice> prices,
                          Integer weightGrams, boolean active) {
    }
}
