package dev.commerce.catalog.domain;

import java.util.Map;
import java.util.UUID;

/** Facet counts of a whole storefront result: categories, attribute values, price bands. */
public record SearchFacets(Map<UUID, Long> categories, Map<String, Map<String, Long>> attributes,
                           Map<String, Long> priceBands) {
}
