package dev.commerce.catalog.domain;

import java.util.Map;

/**
 * A product's content in one of the shop's other locales. Each part is optional: what a translation leaves out is
 * shown in the default locale. {@code attributes} translates text values of the product's own attributes.
 */
public record ProductTranslation(String slug, String name, String description, Map<String, Object> attributes) {

    public ProductTranslation {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
