package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.platform.web.problem.ProblemException;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The locales of a request's {@code translations}: the shop's other locales, each once, in canonical form. */
final class TranslationKeys {

    private TranslationKeys() {
    }

    /** Each translation converted by {@code convert(field, translation)}, keyed by its canonical tag. */
    static <T, R> Map<String, R> check(ShopLocales locales, Map<String, T> translations, BiFunction<String, T, R> convert) {
        Map<String, R> checked = new TreeMap<>();
        if (translations == null) {
            return checked;
        }
        translations.forEach((tag, translation) -> {
            String field = "translations." + tag;
            if (!locales.translatable(tag)) {
                throw ProblemException.invalidField(field, "is not one of the shop's locales other than its default "
                        + locales.defaultLocale() + ": " + locales.tags());
            }
            if (checked.put(ShopLocales.canonical(tag).orElseThrow(), convert.apply(field, translation)) != null) {
                throw ProblemException.invalidField(field, "names a locale given twice");
            }
        });
        return checked;
    }
}
