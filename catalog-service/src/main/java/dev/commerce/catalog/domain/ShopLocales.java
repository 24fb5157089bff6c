package dev.commerce.catalog.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The locales a shop sells in (BCP 47 tags), the default one first: products and categories are written in the
 * default locale and may carry a translation for each other one. A request in a locale the shop does not sell in
 * is answered in the default locale.
 */
public final class ShopLocales {

    private final String defaultLocale;
    private final List<String> tags;
    private final List<String> languages;

    /** {@code others} may repeat the default locale; every tag must be well formed. */
    public ShopLocales(String defaultLocale, List<String> others) {
        this.defaultLocale = canonical(defaultLocale).orElseThrow(() ->
                new IllegalArgumentException("'" + defaultLocale + "' is not a BCP 47 language tag"));
        Set<String> all = new LinkedHashSet<>(List.of(this.defaultLocale));
        for (String tag : others) {
            all.add(canonical(tag).orElseThrow(() -> new IllegalArgumentException("'" + tag + "' is not a BCP 47 language tag")));
        }
        this.tags = List.copyOf(all);
        this.languages = tags.stream().map(ShopLocales::language).distinct().toList();
    }

    public String defaultLocale() {
        return defaultLocale;
    }

    /** Every locale of the shop, the default first. */
    public List<String> tags() {
        return tags;
    }

    /** The languages of the shop's locales ({@code fr-CA} is {@code fr}), the default's first. */
    public List<String> languages() {
        return languages;
    }

    /** Whether a translation may be given in {@code tag}: one of the shop's locales other than the default. */
    public boolean translatable(String tag) {
        return canonical(tag).filter(t -> !t.equals(defaultLocale) && tags.contains(t)).isPresent();
    }

    /** The shop's locale that best serves {@code requested} (the same tag, else the same language), if any. */
    public Optional<String> serving(String requested) {
        return canonical(requested).flatMap(tag -> best(tags, tag));
    }

    /** The shop's locale for an {@code Accept-Language} header (RFC 4647 lookup); the default when none fits. */
    public String negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLocale;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                    Optional<String> served = serving(range.getRange());
                    if (served.isPresent()) {
                        return served.get();
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header a client got wrong is no reason to fail a read
        }
        return defaultLocale;
    }

    /**
     * The tag among {@code tags} (of a text's translations; its own texts are in {@code defaultLocale}) that serves
     * {@code requested}: the same tag; else, unless the default locale has the requested language, one of that
     * language. Empty when the default texts serve it.
     */
    public static Optional<String> servingTag(java.util.Collection<String> tags, String requested, String defaultLocale) {
        if (tags.isEmpty() || requested == null || requested.equals(defaultLocale)) {
            return Optional.empty();
        }
        if (tags.contains(requested)) {
            return Optional.of(requested);
        }
        if (defaultLocale != null && language(requested).equals(language(defaultLocale))) {
            return Optional.empty();
        }
        return best(tags, requested);
    }

    /** The slugs of {@code translations} that have one, by locale (what a side table keeps unique per locale). */
    public static <T> Map<String, String> slugsOf(Map<String, T> translations, Function<T, String> slug) {
        Map<String, String> slugs = new HashMap<>();
        translations.forEach((locale, translation) -> {
            if (slug.apply(translation) != null) {
                slugs.put(locale, slug.apply(translation));
            }
        });
        return slugs;
    }

    /** The tag's canonical form ({@code FR-ca} is {@code fr-CA}); empty when it is not a well-formed tag. */
    public static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The language part of a tag: {@code fr-CA} is {@code fr}. */
    public static String language(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }

    private static Optional<String> best(java.util.Collection<String> tags, String tag) {
        if (tags.contains(tag)) {
            return Optional.of(tag);
        }
        String language = language(tag);
        if (tags.contains(language)) {
            return Optional.of(language);
        }
        List<String> sameLanguage = new ArrayList<>();
        tags.forEach(candidate -> {
            if (language(candidate).equals(language)) {
                sameLanguage.add(candidate);
            }
        });
        return sameLanguage.stream().sorted().findFirst();
    }
}
