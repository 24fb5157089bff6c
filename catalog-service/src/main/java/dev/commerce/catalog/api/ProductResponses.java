package dev.commerce.catalog.api;

import dev.commerce.platform.domain.Money;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.Availability;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.application.Storefront;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.ListedVariant;
import dev.commerce.catalog.domain.listing.LocalizedContent;
import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.Variant;
import dev.commerce.catalog.domain.VariantPrice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies: the merchant's view of a product (every price) and the shopper's (one currency). */
public final class ProductResponses {

    private ProductResponses() {
    }

    /** The platform's money form; null stays null (a variant without a compare-at price). */
    static Money money(java.math.BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VariantPriceView")
    public record PriceView(@Schema(examples = "EUR") String currency, @Schema(examples = "89.90") String amount, @Schema(examples = "109.90") String compareAtAmount) {
        static PriceView of(VariantPrice price) {
            return new PriceView(price.currency(), Money.format(price.amount(), price.currency()),
                    price.compareAt() == null ? null : Money.format(price.compareAt(), price.currency()));
        }
    }

    @Schema(name = "VariantAdminView")
    public record AdminVariant(UUID id, @Schema(examples = "TR-42-BLU") String sku, @Schema(examples = "{\"size\":\"42\",\"colour\":\"blue\"}") Map<String, String> options, @Schema(examples = "640") Integer weightGrams, boolean active,
                               List<PriceView> prices) {
        static AdminVariant of(Variant variant) {
            return new AdminVariant(variant.id(), variant.sku(), variant.options(), variant.weightGrams(), variant.active(),
                    variant.prices().stream().map(PriceView::of).toList());
        }
    }

    @Schema(name = "ProductAdminView", description = "A product as the merchant manages it, with every price")
    public record Admin(UUID id, @Schema(examples = "trail-runner") String slug, @Schema(examples = "Trail Runner") String name, @Schema(examples = "Light trail shoe with a grippy outsole.") String description, ProductStatus status, @Schema(examples = "standard") String taxCategory,
                        @Schema(examples = "{\"material\":\"mesh\",\"waterproof\":false,\"drop\":8}") Map<String, Object> attributes, List<UUID> categoryIds, @Schema(examples = "[{\"url\":\"https://cdn.example.com/trail-runner.jpg\",\"alt\":\"Trail Runner, side view\",\"type\":\"IMAGE\"}]") List<MediaItem> media, List<UUID> related,
                        List<AdminVariant> variants, @Schema(examples = "5") long version, Instant createdAt, Instant updatedAt,
                        @Schema(description = "The content in the shop's other locales, by BCP 47 tag",
                                examples = "{\"fr\":{\"slug\":\"chaussure-de-trail\",\"name\":\"Chaussure de trail\",\"attributes\":{\"material\":\"maille\"}}}")
                        Map<String, ProductTranslation> translations) {
        static Admin of(Product product) {
            return new Admin(product.id(), product.slug(), product.name(), product.description(), product.status(),
                    product.taxCategory(), product.attributes(), product.categoryIds(), product.media(), product.related(),
                    product.variants().stream().map(AdminVariant::of).toList(), product.version(), product.createdAt(),
                    product.updatedAt(), product.translations());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Availability", description = "IN_STOCK, LOW_STOCK, OUT_OF_STOCK, or BACKORDERABLE with the expected restock date")
    public record Stock(@Schema(examples = "IN_STOCK") String status, java.time.LocalDate expectedRestockDate) {
        static Stock of(Availability availability) {
            return new Stock(availability.status(), availability.expectedRestockDate());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StorefrontVariant", description = "A sellable variant, priced in the requested currency")
    public record ShopVariant(UUID id, @Schema(examples = "TR-42-BLU") String sku, @Schema(examples = "{\"size\":\"42\",\"colour\":\"blue\"}") Map<String, String> options, @Schema(examples = "640") Integer weightGrams, Money price,
                              @Schema(description = "The pre-sale price, when the variant is on sale") Money compareAtPrice,
                              Stock availability) {
        static ShopVariant of(ListedVariant variant, String currency, ListedProduct product) {
            VariantPrice price = variant.priceIn(currency).orElse(null);
            return new ShopVariant(variant.id(), variant.sku(), variant.options(), variant.weightGrams(),
                    price == null ? null : money(price.amount(), currency),
                    price == null ? null : money(price.compareAt(), currency),
                    Stock.of(product.availabilityOf(variant.sku())));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProductCard", description = "A product in a listing: enough to show it in a grid")
    public record Card(UUID id, @Schema(examples = "trail-runner") String slug, @Schema(examples = "Trail Runner") String name, Money price, @Schema(examples = "{\"url\":\"https://cdn.example.com/trail-runner.jpg\",\"alt\":\"Trail Runner, side view\",\"type\":\"IMAGE\"}") MediaItem image,
                       @Schema(description = "Whether any active variant can be ordered now") boolean available) {
        static Card of(ListedProduct product, String currency, String locale) {
            LocalizedContent content = product.in(locale);
            return new Card(product.id(), content.slug(), content.name(),
                    product.listedPrice(currency).map(amount -> money(amount, currency)).orElse(null),
                    product.image().orElse(null), product.inStock());
        }
    }

    @Schema(name = "FacetCount", description = "How many products of the result have this value (or price band)")
    public record Count(@Schema(examples = "blue") String value, @Schema(examples = "12") long count) {
    }

    public record CategoryCount(UUID categoryId, @Schema(examples = "42") long count) {
    }

    @Schema(name = "Facets", description = "Counts over the whole result, for refining it")
    public record Facets(List<CategoryCount> categories,
                         @Schema(examples = "{\"colour\":[{\"value\":\"blue\",\"count\":12},{\"value\":\"red\",\"count\":7}]}")
                         Map<String, List<Count>> attributes,
                         @Schema(description = "Bands of the listed price in the currency, lower bound inclusive: configured "
                                 + "per currency, else derived from the result's prices") List<Count> priceBands,
                         @Schema(examples = "96", description = "Products of the result that can be ordered now") long inStock) {
        static Facets of(SearchFacets facets) {
            return new Facets(facets.categories().entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue())).toList(),
                    facets.attributes().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().entrySet().stream().map(v -> new Count(v.getKey(), v.getValue())).toList(),
                            (a, b) -> a, java.util.LinkedHashMap::new)),
                    facets.priceBands().entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList(),
                    facets.inStock());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProductResults")
    public record Results(List<Card> items, @Schema(examples = "eyJ0IjoiMjAyNi0xMi0wMVQxMDowMDowMFoiLCJpZCI6IjEyMyJ9") String nextCursor,
                          @Schema(examples = "137", description = "Products in the whole result") long total, Facets facets) {
        static Results of(SearchIndex.Page page, String currency, String locale) {
            return new Results(page.products().stream().map(p -> Card.of(p, currency, locale)).toList(),
                    Storefront.cursor(page.next()), page.total(), Facets.of(page.facets()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StorefrontProduct", description = "An active product as shoppers see it, in one currency and locale")
    public record Shop(UUID id,
                       @Schema(examples = "trail-runner") String slug,
                       @Schema(examples = "Trail Runner") String name,
                       @Schema(examples = "Light trail shoe with a grippy outsole.") String description,
                       @Schema(description = "The lowest price of an active variant in the currency") Money price,
                       @Schema(examples = "{\"material\":\"mesh\",\"waterproof\":false,\"drop\":8}") Map<String, Object> attributes,
                       List<UUID> categoryIds,
                       @Schema(examples = "[{\"url\":\"https://cdn.example.com/trail-runner.jpg\",\"alt\":\"Trail Runner, side view\",\"type\":\"IMAGE\"}]") List<MediaItem> media,
                       List<UUID> related,
                       List<ShopVariant> variants,
                       @Schema(examples = "fr", description = "The locale the texts are written in: the one asked for, or "
                               + "the shop's default where the product has no translation for it") String locale) {
        static Shop of(ListedProduct product, String currency, String locale) {
            LocalizedContent content = product.in(locale);
            return new Shop(product.id(), content.slug(), content.name(), content.description(),
                    product.listedPrice(currency).map(amount -> money(amount, currency)).orElse(null),
                    content.attributes(), product.categoryIds(), product.media(), product.related(),
                    product.activeVariants().stream().map(variant -> ShopVariant.of(variant, currency, product)).toList(),
                    content.locale());
        }
    }
}
