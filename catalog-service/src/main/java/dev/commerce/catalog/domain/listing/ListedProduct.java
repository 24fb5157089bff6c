package dev.commerce.catalog.domain.listing;

import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.VariantPrice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An active product as the storefront's read side holds it: built from its {@code product-upserted} event alone,
 * with what inventory last said about each of its SKUs. Immutable: every change makes a new one, so a page rendered
 * from one instance can be recognised as outdated by identity. Slug, name, description and attributes are in
 * {@code locale} (the shop's default); {@code translations} hold the other locales'.
 */
public record ListedProduct(UUID id, String slug, String name, String description, List<UUID> categoryIds,
                            Map<String, Object> attributes, List<MediaItem> media, List<UUID> related,
                            String taxCategory, List<ListedVariant> variants, Instant createdAt,
                            Map<String, Availability> availability, String locale,
                            Map<String, ProductTranslation> translations) {

    public ListedProduct {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        categoryIds = categoryIds == null ? List.of() : List.copyOf(categoryIds);
        attributes = attributes == null ? Map.of() : attributes;
        media = media == null ? List.of() : List.copyOf(media);
        related = related == null ? List.of() : List.copyOf(related);
        variants = variants == null ? List.of() : List.copyOf(variants);
        availability = availability == null ? Map.of() : Map.copyOf(availability);
    }

    /**
     * The texts for shoppers of {@code requested}: the translation that serves it, each part it leaves out (and
     * every attribute it does not translate) from the default content; the default content when none serves it.
     */
    public LocalizedContent in(String requested) {
        return ShopLocales.servingTag(translations.keySet(), requested, locale).map(tag -> {
            ProductTranslation translation = translations.get(tag);
            Map<String, Object> localizedAttributes = new LinkedHashMap<>(attributes);
            translation.attributes().forEach((attribute, value) -> localizedAttributes.computeIfPresent(attribute, (k, v) -> value));
            return new LocalizedContent(tag, translation.slug() == null ? slug : translation.slug(),
                    translation.name() == null ? name : translation.name(),
                    translation.description() == null ? description : translation.description(), localizedAttributes);
        }).orElseGet(() -> new LocalizedContent(locale, slug, name, description, attributes));
    }

    /** The listed price in a currency: the lowest price of an active variant in it; empty when none has one. */
    public Optional<BigDecimal> listedPrice(String currency) {
        return activeVariants().stream().flatMap(variant -> variant.priceIn(currency).stream())
                .map(VariantPrice::amount).min(Comparator.naturalOrder());
    }

    /** The currencies the product is listed in (an active variant has a price in them). */
    public TreeSet<String> currencies() {
        TreeSet<String> currencies = new TreeSet<>();
        activeVariants().forEach(variant -> variant.prices().forEach(price -> currencies.add(price.currency())));
        return currencies;
    }

    public List<ListedVariant> activeVariants() {
        return variants.stream().filter(ListedVariant::active).toList();
    }

    public List<String> skus() {
        return variants.stream().map(ListedVariant::sku).toList();
    }

    public Availability availabilityOf(String sku) {
        return availability.getOrDefault(sku, Availability.unknown(sku));
    }

    /** Whether an active variant can be ordered now (in stock, low or backorderable). */
    public boolean inStock() {
        return activeVariants().stream().anyMatch(variant -> availabilityOf(variant.sku()).sellable());
    }

    public Optional<MediaItem> image() {
        return media.stream().filter(item -> item.type() == MediaItem.Type.IMAGE).findFirst();
    }

    /** The same product with inventory's latest word on one of its SKUs. */
    public ListedProduct withAvailability(Availability level) {
        Map<String, Availability> levels = new HashMap<>(availability);
        levels.put(level.sku(), level);
        return new ListedProduct(id, slug, name, description, categoryIds, attributes, media, related, taxCategory,
                variants, createdAt, levels, locale, translations);
    }

    /** The same product with the availability of its SKUs taken from {@code levels}. */
    public ListedProduct withAvailability(Map<String, Availability> levels) {
        Map<String, Availability> own = new HashMap<>();
        skus().forEach(sku -> {
            Availability level = levels.get(sku);
            if (level != null) {
                own.put(sku, level);
            }
        });
        return new ListedProduct(id, slug, name, description, categoryIds, attributes, media, related, taxCategory,
                variants, createdAt, own, locale, translations);
    }
}
