package dev.commerce.catalog.domain.listing;

import java.util.Map;

/** A product's texts as shoppers of one locale see them, and the locale they are written in. */
public record LocalizedContent(String locale, String slug, String name, String description,
                               Map<String, Object> attributes) {
}
