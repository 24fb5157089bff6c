package dev.commerce.catalog.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.Variant;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.platform.domain.Money;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Product events on the compacted {@code catalog.product.v1} (key = product id): {@code product-upserted} carries
 * the whole product, so a consumer's read model needs nothing else; {@code product-archived} names its SKUs.
 * Payloads: contracts/schemas/catalog/product-*.v1.json.
 */
@ApplicationScoped
public class ProductEvents {

    public static final String TOPIC = Topics.CATALOG_PRODUCT;
    static final EventType UPSERTED = EventType.of(EventTypes.PRODUCT_UPSERTED);
    static final EventType ARCHIVED = EventType.of(EventTypes.PRODUCT_ARCHIVED);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Price(String amount, String currency, String compareAtAmount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantPayload(UUID variantId, String sku, Map<String, String> options, List<Price> prices,
                                 Integer weightGrams, boolean active) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String url, String alt, String type, int position) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductUpserted(UUID productId, String slug, String name, String description, String status,
                                  List<UUID> categoryIds, Map<String, Object> attributes, List<Media> media,
                                  String taxCategory, List<UUID> related, List<VariantPayload> variants,
                                  Instant createdAt, String locale, Map<String, ProductTranslation> translations) {
    }

    public record ProductArchived(UUID productId, List<String> skus) {
    }

    private final Outbox outbox;
    private final ShopLocales locales;

    public ProductEvents(Outbox outbox, ShopLocales locales) {
        this.outbox = outbox;
        this.locales = locales;
    }

    public void upserted(Product product) {
        outbox.record(TOPIC, UPSERTED, product.id().toString(), payload(product, locales.defaultLocale()));
    }

    public void archived(Product product) {
        outbox.record(TOPIC, ARCHIVED, product.id().toString(),
                new ProductArchived(product.id(), product.variants().stream().map(Variant::sku).toList()));
    }

    /** {@code locale}: the shop's default locale, the one of the product's own texts. */
    static ProductUpserted payload(Product product, String locale) {
        List<MediaItem> media = product.media();
        return new ProductUpserted(product.id(), product.slug(), product.name(), product.description(),
                product.status().name(), product.categoryIds(), product.attributes(),
                java.util.stream.IntStream.range(0, media.size()).mapToObj(i -> new Media(media.get(i).url(),
                        media.get(i).alt(), media.get(i).type().name(), i)).toList(),
                product.taxCategory(), product.related(),
                product.variants().stream().map(variant -> new VariantPayload(variant.id(), variant.sku(), variant.options(),
                        variant.prices().stream().map(ProductEvents::price).toList(), variant.weightGrams(),
                        variant.active())).toList(), product.createdAt(), locale, product.translations());
    }

    private static Price price(VariantPrice price) {
        return new Price(Money.format(price.amount(), price.currency()), price.currency(),
                price.compareAt() == null ? null : Money.format(price.compareAt(), price.currency()));
    }

}
