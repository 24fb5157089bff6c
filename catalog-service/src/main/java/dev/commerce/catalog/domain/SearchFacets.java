package dev.commerce.catalog.domain;

import java.util.Map;
import java.util.UUID;

/**
 * Facet counts of a whole storefront result: categories, attribute values, price bands (in result order of their
 * bounds), and how many products of it are in stock.
 */
public record SearchFacets(Map<UUID, Long> categories, Map<String, Map<String, Long>> attributes,
                           Map<String, Long> priceBands, long inStock) {

    public static SearchFacets none() {
        return new SearchFacets(Map.of(), Map.of(), Map.of(), 0);
    }
}
