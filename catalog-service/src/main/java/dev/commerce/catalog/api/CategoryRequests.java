package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/** Request bodies of the category endpoints. */
public final class CategoryRequests {

    private static final String TRANSLATIONS = "Name and slug in the shop's other locales, keyed by BCP 47 tag";
    private static final String TRANSLATIONS_EXAMPLE = "{\"fr\":{\"name\":\"Chaussures de course\",\"slug\":\"chaussures-de-course\"}}";

    private CategoryRequests() {
    }

    @Schema(name = "NewCategory")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(examples = "Running shoes") String name,
            @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
            @Size(max = 120) @Schema(examples = "running-shoes") String slug,
            @Schema(description = "Parent category; absent for a top-level category") UUID parentId,
            @PositiveOrZero @Schema(description = "Order among siblings", examples = "0") Integer position,
            @Size(max = 50) @Schema(description = TRANSLATIONS, examples = TRANSLATIONS_EXAMPLE)
            Map<String, @Valid @NotNull Translation> translations) {

        Map<String, CategoryTranslation> translations(ShopLocales locales) {
            return CategoryRequests.translations(locales, translations);
        }
    }

    @Schema(name = "CategoryUpdate")
    public record Update(
            @Schema(examples = "Trail running shoes") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "1") @PositiveOrZero Integer position,
            @Size(max = 50) @Schema(description = TRANSLATIONS + "; left out, the translations stay as they are",
                    examples = TRANSLATIONS_EXAMPLE)
            Map<String, @Valid @NotNull Translation> translations) {

        /** Null when the update leaves the translations as they are. */
        Map<String, CategoryTranslation> translations(ShopLocales locales) {
            return translations == null ? null : CategoryRequests.translations(locales, translations);
        }
    }

    @Schema(name = "CategoryTranslationDefinition", description = "A category's name and slug in one locale; either may be left out")
    public record Translation(
            @Size(min = 1, max = 200) @Schema(examples = "Chaussures de course") String name,
            @Pattern(regexp = ProductRequests.LOCALIZED_SLUG, message = "must be lower-case words joined by hyphens")
            @Size(max = 200) @Schema(examples = "chaussures-de-course") String slug) {
    }

    private static Map<String, CategoryTranslation> translations(ShopLocales locales, Map<String, Translation> translations) {
        return TranslationKeys.check(locales, translations,
                (field, translation) -> new CategoryTranslation(translation.slug(), translation.name()));
    }

    @Schema(name = "CategoryMove")
    public record Move(@Schema(description = "The new parent; null moves the category to the top level") UUID parentId) {
    }
}
