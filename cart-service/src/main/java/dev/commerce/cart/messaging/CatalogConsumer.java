package dev.commerce.cart.messaging;

import dev.commerce.cart.application.CatalogProduct;
import dev.commerce.cart.application.CatalogUpdates;
import dev.commerce.cart.domain.SkuPrice;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feeds the sellable-variant read model from the compacted {@code catalog.product.v1} ({@link CatalogUpdates}); a
 * new deployment reads the topic from its beginning, so the read model holds every product's latest state.
 */
@ApplicationScoped
public class CatalogConsumer implements EventConsumer {

    record Price(String amount, String currency, String compareAtAmount) {
    }

    record Variant(UUID variantId, String sku, Map<String, String> options, List<Price> prices, Integer weightGrams,
                   Boolean active) {
        Variant {
            if (sku == null || sku.isBlank() || variantId == null) {
                throw new IllegalArgumentException("a variant has no sku or variantId");
            }
        }
    }

    record Media(String url, String type, Integer position) {
    }

    record ProductUpserted(UUID productId, String name, String status, String taxCategory, List<UUID> categoryIds,
                           List<Media> media, List<Variant> variants) {
        ProductUpserted {
            if (productId == null || name == null || status == null) {
                throw new IllegalArgumentException("the event has no productId, name or status");
            }
            variants = variants == null ? List.of() : variants;
        }
    }

    record ProductArchived(UUID productId, List<String> skus) {
        ProductArchived {
            if (productId == null || skus == null) {
                throw new IllegalArgumentException("the event has no productId or skus");
            }
        }
    }

    private final EventHandlers handlers;

    public CatalogConsumer(CatalogUpdates catalog) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.PRODUCT_UPSERTED, ProductUpserted.class, (product, event) ->
                        catalog.productUpserted(translate(product), event.sequence()))
                .on(EventTypes.PRODUCT_ARCHIVED, ProductArchived.class, (archived, event) ->
                        catalog.productArchived(archived.productId(), archived.skus(), event.sequence()))
                .build();
    }

    @Override
    public String name() {
        return CatalogUpdates.CONSUMER;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CATALOG_PRODUCT);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private static CatalogProduct translate(ProductUpserted product) {
        String image = product.media() == null ? null : product.media().stream()
                .filter(media -> "IMAGE".equals(media.type()))
                .min(Comparator.comparing(media -> media.position() == null ? Integer.MAX_VALUE : media.position()))
                .map(Media::url).orElse(null);
        return new CatalogProduct(product.productId(), product.name(), "ACTIVE".equals(product.status()),
                product.taxCategory(), image, product.categoryIds(),
                product.variants().stream().map(CatalogConsumer::translate).toList());
    }

    private static CatalogProduct.Variant translate(Variant variant) {
        Map<String, SkuPrice> prices = new LinkedHashMap<>();
        for (Price price : variant.prices() == null ? List.<Price>of() : variant.prices()) {
            prices.put(price.currency(), new SkuPrice(Money.parse("amount", price.amount(), price.currency()),
                    price.compareAtAmount() == null ? null
                            : Money.parse("compareAtAmount", price.compareAtAmount(), price.currency())));
        }
        return new CatalogProduct.Variant(variant.variantId(), variant.sku(), variant.options(), prices,
                variant.weightGrams(), variant.active() == null || variant.active());
    }
}
