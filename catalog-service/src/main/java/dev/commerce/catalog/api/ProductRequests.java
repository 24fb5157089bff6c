package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.ProductDraft;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the product endpoints, and their checks beyond annotations. */
public final class ProductRequests {

    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    /** A translated slug: lower-case words of any script (Arabic, Polish letters...) joined by hyphens. */
    static final String LOCALIZED_SLUG = "[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+)*";
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String DECIMAL = "[0-9]{1,15}(\\.[0-9]{1,4})?";
    private static final String ATTRIBUTE_NAME = "[a-zA-Z][a-zA-Z0-9_-]{0,63}";
    private static final int MAX_ATTRIBUTES = 50;

    private ProductRequests() {
    }

    @Schema(name = "ProductDefinition", description = "A whole product: a create, or a full update (variants matched by SKU)")
    public record Definition(
            @NotNull @Pattern(regexp = SLUG, message = "must be lowercase words joined by hyphens") @Size(max = 120)
            @Schema(examples = "trail-runner") String slug,
            @NotBlank @Size(max = 200) @Schema(examples = "Trail Runner") String name,
            @Schema(examples = "Light trail shoe with a grippy outsole.") @Size(max = 10_000) String description,
            @Schema(description = "DRAFT (default), ACTIVE or ARCHIVED") ProductStatus status,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") @Schema(examples = "standard") String taxCategory,
            @Schema(description = "Typed attributes: text, number, true/false, or a list of texts",
                    examples = "{\"material\":\"mesh\",\"waterproof\":false,\"drop\":8}") Map<String, Object> attributes,
            @Size(max = 20) List<@NotNull UUID> categoryIds,
            @Size(max = 50) List<@Valid @NotNull Media> media,
            @Size(max = 20) List<@NotNull UUID> related,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull VariantDefinition> variants,
            @Size(max = 50) @Schema(description = "The content in the shop's other locales, keyed by BCP 47 tag; the "
                    + "fields above are in its default locale, and each part a translation leaves out is shown from them",
                    examples = "{\"fr\":{\"slug\":\"chaussure-de-trail\",\"name\":\"Chaussure de trail\",\"attributes\":{\"material\":\"maille\"}}}")
            Map<String, @Valid @NotNull Translation> translations) {

        /** The draft the domain applies, after the checks annotations cannot express. */
        ProductDraft toDraft(ShopLocales locales) {
            Map<String, Object> checkedAttributes = checkAttributes(attributes == null ? Map.of() : attributes);
            Map<String, ProductTranslation> checkedTranslations = checkTranslations(locales, checkedAttributes);
            Set<String> skus = new HashSet<>();
            for (int i = 0; i < variants.size(); i++) {
                if (!skus.add(variants.get(i).sku())) {
                    throw ProblemException.invalidField("variants[" + i + "].sku", "SKU " + variants.get(i).sku() + " appears twice");
                }
            }
            if (related != null && new HashSet<>(related).size() != related.size()) {
                throw ProblemException.invalidField("related", "must not repeat a product");
            }
            return new ProductDraft(slug, name, description, status == null ? ProductStatus.DRAFT : status, taxCategory,
                    checkedAttributes, categoryIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(categoryIds)),
                    media == null ? List.of() : media.stream().map(m -> new MediaItem(m.url(), m.alt(), m.type())).toList(),
                    related == null ? List.of() : related,
                    java.util.stream.IntStream.range(0, variants.size()).mapToObj(i -> variants.get(i).toDraft("variants[" + i + "]")).toList(),
                    checkedTranslations);
        }

        /** Translations only in the shop's other locales, of text attributes the product has, in the same shape. */
        private Map<String, ProductTranslation> checkTranslations(ShopLocales locales, Map<String, Object> base) {
            return TranslationKeys.check(locales, translations, (field, translation) -> {
                Map<String, Object> attributes = translation.attributes() == null ? Map.of() : translation.attributes();
                attributes.forEach((name, value) -> {
                    Object original = base.get(name);
                    boolean sameShape = original instanceof String ? value instanceof String s && s.length() <= 500
                            : original instanceof List<?> values && value instanceof List<?> translated
                            && translated.size() == values.size() && translated.stream().allMatch(v -> v instanceof String s && s.length() <= 200);
                    if (!sameShape) {
                        throw ProblemException.invalidField(field + ".attributes." + name, "translates a text attribute of "
                                + "the product: text for text, a list of as many texts for a list");
                    }
                });
                return new ProductTranslation(translation.slug(), translation.name(), translation.description(), attributes);
            });
        }
    }

    @Schema(name = "ProductTranslationDefinition", description = "A product's content in one locale; any part may be left out")
    public record Translation(
            @Pattern(regexp = LOCALIZED_SLUG, message = "must be lower-case words joined by hyphens") @Size(max = 200)
            @Schema(examples = "chaussure-de-trail") String slug,
            @Size(min = 1, max = 200) @Schema(examples = "Chaussure de trail") String name,
            @Size(max = 10_000) @Schema(examples = "Chaussure légère à semelle accrocheuse.") String description,
            @Schema(description = "Translated values of the product's text attributes", examples = "{\"material\":\"maille\"}")
            Map<String, Object> attributes) {
    }

    @Schema(name = "ProductMedia")
    public record Media(
            @NotNull @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(examples = "https://cdn.example.com/trail-runner.jpg") String url,
            @Size(max = 500) @Schema(examples = "Trail Runner, side view") String alt,
            @NotNull MediaItem.Type type) {
    }

    @Schema(name = "VariantDefinition")
    public record VariantDefinition(
            @NotNull @Pattern(regexp = SKU) @Schema(examples = "TR-42-BLU") String sku,
            @Size(max = 10) @Schema(examples = "{\"size\":\"42\",\"colour\":\"blue\"}") Map<String, @NotNull @Size(max = 100) String> options,
            @PositiveOrZero @Max(1_000_000) @Schema(examples = "310") Integer weightGrams,
            @Schema(description = "Sold when true (default)") Boolean active,
            @Size(max = 20) List<@Valid @NotNull Price> prices) {

        ProductDraft.VariantDraft toDraft(String path) {
            return new ProductDraft.VariantDraft(sku, options == null ? Map.of() : new LinkedHashMap<>(options), weightGrams,
                    active == null || active, ProductRequests.prices(prices == null ? List.of() : prices, path + ".prices"));
        }
    }

    @Schema(name = "Price", description = "A price in one currency; compareAtAmount, when set, is the higher pre-sale price")
    public record Price(
            @NotNull @CurrencyCode @Schema(examples = "EUR") String currency,
            @NotNull @Pattern(regexp = DECIMAL, message = "must be a non-negative decimal string such as \"89.90\"")
            @Schema(examples = "89.90") String amount,
            @Pattern(regexp = DECIMAL, message = "must be a non-negative decimal string such as \"119.00\"")
            @Schema(examples = "119.00") String compareAtAmount) {
    }

    @Schema(name = "VariantPrices")
    public record Prices(@NotNull @Size(max = 20) List<@Valid @NotNull Price> prices) {
    }

    /** One price per currency, within the currency's minor digits, a compare-at price above the price. */
    static List<VariantPrice> prices(List<Price> prices, String path) {
        Set<String> currencies = new HashSet<>();
        return java.util.stream.IntStream.range(0, prices.size()).mapToObj(i -> {
            Price price = prices.get(i);
            String at = path + "[" + i + "]";
            if (!currencies.add(price.currency())) {
                throw ProblemException.invalidField(at + ".currency", "a variant has one price per currency");
            }
            BigDecimal amount = amount(price.amount(), price.currency(), at + ".amount");
            BigDecimal compareAt = price.compareAtAmount() == null ? null : amount(price.compareAtAmount(), price.currency(), at + ".compareAtAmount");
            if (compareAt != null && compareAt.compareTo(amount) <= 0) {
                throw ProblemException.invalidField(at + ".compareAtAmount", "must be higher than the price");
            }
            return new VariantPrice(price.currency(), amount, compareAt);
        }).toList();
    }

    private static BigDecimal amount(String text, String currency, String field) {
        BigDecimal amount = new BigDecimal(text);
        if (amount.stripTrailingZeros().scale() > Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())) {
            throw ProblemException.invalidField(field, "has more decimals than " + currency + " allows");
        }
        return amount;
    }

    /** Attribute names are identifiers; values are text, numbers, true/false, or lists of text. */
    private static Map<String, Object> checkAttributes(Map<String, Object> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw ProblemException.invalidField("attributes", "at most " + MAX_ATTRIBUTES + " attributes");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            String field = "attributes." + name;
            if (!name.matches(ATTRIBUTE_NAME)) {
                throw ProblemException.invalidField(field, "names are letters, digits, '_' and '-', starting with a letter");
            }
            boolean text = value instanceof String s && s.length() <= 500;
            boolean list = value instanceof List<?> values && values.size() <= 50
                    && values.stream().allMatch(v -> v instanceof String s && s.length() <= 200);
            if (!(text || list || value instanceof Number || value instanceof Boolean)) {
                throw ProblemException.invalidField(field, "must be text (up to 500 characters), a number, true/false, "
                        + "or a list of up to 50 texts");
            }
            checked.put(name, value);
        });
        return checked;
    }
}
