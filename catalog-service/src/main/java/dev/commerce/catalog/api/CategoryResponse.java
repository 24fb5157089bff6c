package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.Category;
import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A category, with slug and name in the locale asked for (Content-Language) and every translation. */
@Schema(name = "Category")
public record CategoryResponse(UUID id, UUID parentId, @Schema(examples = "running-shoes") String slug,
                               @Schema(examples = "Running shoes") String name,
                               @Schema(examples = "0") int position,
                               @Schema(examples = "2") long version,
                               Instant createdAt, Instant updatedAt,
                               @Schema(description = "Name and slug in the shop's other locales, by BCP 47 tag",
                                       examples = "{\"fr\":{\"name\":\"Chaussures de course\",\"slug\":\"chaussures-de-course\"}}")
                               Map<String, CategoryTranslation> translations) {

    /** In the shop's default locale. */
    static CategoryResponse of(Category category) {
        return of(category, null, null);
    }

    /** Name and slug in {@code locale} where a translation serves it ({@code defaultLocale}: the shop's). */
    static CategoryResponse of(Category category, String locale, String defaultLocale) {
        CategoryTranslation translation = ShopLocales.servingTag(category.translations().keySet(), locale, defaultLocale)
                .map(category.translations()::get).orElse(null);
        String slug = translation == null || translation.slug() == null ? category.slug() : translation.slug();
        String name = translation == null || translation.name() == null ? category.name() : translation.name();
        return new CategoryResponse(category.id(), category.parentId(), slug, name, category.position(),
                category.version(), category.createdAt(), category.updatedAt(), category.translations());
    }
}
