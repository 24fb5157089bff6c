package dev.commerce.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything a merchant says about a product, as one value: what a create or a full update applies. */
public record ProductDraft(String slug, String name, String description, ProductStatus status, String taxCategory,
                           Map<String, Object> attributes, List<UUID> categoryIds, List<MediaItem> media,
                           List<UUID> related, List<VariantDraft> variants) {

    /** One variant as the merchant describes it. */
    public record VariantDraft(String sku, Map<String, String> options, Integer weightGrams, boolean active,
                               List<VariantPrice> prices) {
    }
}
