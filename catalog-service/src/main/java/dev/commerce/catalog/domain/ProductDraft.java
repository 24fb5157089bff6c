package dev.commerce.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a merchant says about a product, as one value: what a create or a full update applies. The top-level
 * content is in the shop's default locale; {@code translations} hold the other locales' (keyed by BCP 47 tag).
 */
public record ProductDraft(String slug, String name, String description, ProductStatus status, String taxCategory,
                           Map<String, Object> attributes, List<UUID> categoryIds, List<MediaItem> media,
                           List<UUID> related, List<VariantDraft> variants, Map<String, ProductTranslation> translations) {

    public ProductDraft {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** One variant as the merchant describes it. */
    public record VariantDraft(String sku, Map<String, String> options, Integer weightGrams, boolean active,
                               List<VariantPrice> prices) {
    }
}
