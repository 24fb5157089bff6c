package dev.commerce.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.Variant;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.catalog.messaging.ProductEvents;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies: the merchant's view of a product (every price) and the shopper's (one currency). */
public final class ProductResponses {

    private ProductResponses() {
    }

    @Schema(name = "Money")
    public record Money(@Schema(examples = "89.90") String amount, @Schema(examples = "EUR") String currency) {
        static Money of(java.math.BigDecimal amount, String currency) {
            return amount == null ? null : new Money(ProductEvents.format(amount, currency), currency);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VariantPriceView")
    public record PriceView(String currency, String amount, String compareAtAmount) {
        static PriceView of(VariantPrice price) {
            return new PriceView(price.currency(), ProductEvents.format(price.amount(), price.currency()),
                    price.compareAt() == null ? null : ProductEvents.format(price.compareAt(), price.currency()));
        }
    }

    @Schema(name = "VariantAdminView")
    public record AdminVariant(UUID id, String sku, Map<String, String> options, Integer weightGrams, boolean active,
                               List<PriceView> prices) {
        static AdminVariant of(Variant variant) {
            return new AdminVariant(variant.id(), variant.sku(), variant.options(), variant.weightGrams(), variant.active(),
                    variant.prices().stream().map(PriceView::of).toList());
        }
    }

    @Schema(name = "ProductAdminView", description = "A product as the merchant manages it, with every price")
    public record Admin(UUID id, String slug, String name, String description, ProductStatus status, String taxCategory,
                        Map<String, Object> attributes, List<UUID> categoryIds, List<MediaItem> media, List<UUID> related,
                        List<AdminVariant> variants, long version, Instant createdAt, Instant updatedAt) {
        static Admin of(Product product) {
            return new Admin(product.id(), product.slug(), product.name(), product.description(), product.status(),
                    product.taxCategory(), product.attributes(), product.categoryIds(), product.media(), product.related(),
                    product.variants().stream().map(AdminVariant::of).toList(), product.version(), product.createdAt(),
                    product.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StorefrontVariant", description = "A sellable variant, priced in the requested currency")
    public record ShopVariant(UUID id, String sku, Map<String, String> options, Integer weightGrams, Money price,
                              @Schema(description = "The pre-sale price, when the variant is on sale") Money compareAtPrice) {
        static ShopVariant of(Variant variant, String currency) {
            VariantPrice price = variant.priceIn(currency).orElse(null);
            return new ShopVariant(variant.id(), variant.sku(), variant.options(), variant.weightGrams(),
                    price == null ? null : Money.of(price.amount(), currency),
                    price == null ? null : Money.of(price.compareAt(), currency));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StorefrontProduct", description = "An active product as shoppers see it, in one currency")
    public record Shop(UUID id, String slug, String name, String description,
                       @Schema(description = "The lowest price of an active variant in the currency") Money price,
                       Map<String, Object> attributes, List<UUID> categoryIds, List<MediaItem> media, List<UUID> related,
                       List<ShopVariant> variants) {
        static Shop of(Product product, String currency) {
            return new Shop(product.id(), product.slug(), product.name(), product.description(),
                    product.listedPrice(currency).map(amount -> Money.of(amount, currency)).orElse(null),
                    product.attributes(), product.categoryIds(), product.media(), product.related(),
                    product.variants().stream().filter(Variant::active).map(variant -> ShopVariant.of(variant, currency)).toList());
        }
    }
}
