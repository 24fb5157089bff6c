package dev.commerce.catalog.domain;

/** A category's name and slug in one of the shop's other locales; a part left out is shown in the default locale. */
public record CategoryTranslation(String slug, String name) {
}
