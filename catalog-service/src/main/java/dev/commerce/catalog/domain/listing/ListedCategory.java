package dev.commerce.catalog.domain.listing;

import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.domain.ShopLocales;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A category as the storefront's read side knows it from catalog.category.v1: slug and name in {@code locale} (the
 * shop's default), {@code translations} in the others.
 */
public record ListedCategory(UUID id, UUID parentId, String slug, String name, String path, int position,
                             String locale, Map<String, CategoryTranslation> translations) {

    public ListedCategory {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** The name shoppers of {@code locale} see: its translation, else the default one. */
    public String nameIn(String requested) {
        return translation(requested).map(CategoryTranslation::name).orElse(name);
    }

    public String slugIn(String requested) {
        return translation(requested).map(CategoryTranslation::slug).orElse(slug);
    }

    private Optional<CategoryTranslation> translation(String requested) {
        return ShopLocales.servingTag(translations.keySet(), requested, locale).map(translations::get);
    }
}
