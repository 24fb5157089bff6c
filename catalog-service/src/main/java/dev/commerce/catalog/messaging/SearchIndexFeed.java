package dev.commerce.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.MediaItem;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.catalog.domain.listing.IndexChange;
import dev.commerce.catalog.domain.listing.ListedCategory;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.ListedVariant;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.inbox.BroadcastConsumer;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Feeds this instance's {@link SearchIndex} from the compacted catalog and stock-level topics, every partition, with
 * the positions kept in the index itself: each instance holds the whole storefront and a restart resumes. A
 * product that is not ACTIVE leaves the storefront; an older stock level of a SKU (by sequence) is ignored.
 */
@ApplicationScoped
public class SearchIndexFeed implements BroadcastConsumer {

    private static final Logger LOG = Logger.getLogger(SearchIndexFeed.class);

    // the payloads as this consumer reads them (contracts/schemas/catalog, inventory); unknown fields are ignored
    record Price(String amount, String currency, String compareAtAmount) {
    }

    record Variant(UUID variantId, String sku, Map<String, String> options, List<Price> prices, Integer weightGrams,
                   boolean active) {
    }

    record Media(String url, String alt, String type, int position) {
    }

    record ProductUpserted(UUID productId, String slug, String name, String description, String status,
                           List<UUID> categoryIds, Map<String, Object> attributes, List<Media> media, String taxCategory,
                           List<UUID> related, List<Variant> variants, Instant createdAt, String locale,
                           Map<String, ProductTranslation> translations) {
    }

    record ProductArchived(UUID productId) {
    }

    record CategoryUpserted(UUID categoryId, UUID parentId, String slug, String path, String name, int position,
                            String locale, Map<String, CategoryTranslation> translations) {
    }

    record CategoryDeleted(UUID categoryId) {
    }

    record StockLevelChanged(String sku, long available, String status, LocalDate expectedRestockDate) {
    }

    private final SearchIndex index;
    private final ObjectMapper json;
    private final ShopLocales locales;

    public SearchIndexFeed(SearchIndex index, ObjectMapper json, ShopLocales locales) {
        this.index = index;
        this.json = json;
        this.locales = locales;
    }

    @Override
    public String name() {
        return "catalog-service.search-index";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CATALOG_PRODUCT, Topics.CATALOG_CATEGORY, Topics.INVENTORY_STOCK_LEVEL);
    }

    @Override
    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        index.positions().forEach((key, offset) -> {
            int colon = key.lastIndexOf(':');
            positions.put(new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))), offset);
        });
        return positions;
    }

    @Override
    public void apply(List<IncomingEvent> events, Map<TopicPartition, Long> positions) throws Exception {
        List<IndexChange> changes = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            if (event.payload() == null) {
                continue; // tombstones: nothing of the catalog deletes by them
            }
            try {
                IndexChange change = change(event);
                if (change != null) {
                    changes.add(change);
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // every instance must move on past it the same way: it cannot wait for a fix of the event
                LOG.warnf("%s skips %s at %s-%d@%d: %s", name(), event.type(), event.topic(), event.partition(),
                        event.offset(), e.getMessage());
            }
        }
        Map<String, Long> reached = new HashMap<>();
        positions.forEach((partition, offset) -> reached.put(partition.topic() + ":" + partition.partition(), offset));
        index.apply(changes, reached);
    }

    private IndexChange change(IncomingEvent event) throws JsonProcessingException {
        return switch (event.type() == null ? "" : event.type()) {
            case EventTypes.PRODUCT_UPSERTED -> {
                ProductUpserted product = json.readValue(event.payload(), ProductUpserted.class);
                yield "ACTIVE".equals(product.status()) ? new IndexChange.ProductListed(listed(product))
                        : new IndexChange.ProductUnlisted(product.productId());
            }
            case EventTypes.PRODUCT_ARCHIVED -> new IndexChange.ProductUnlisted(
                    json.readValue(event.payload(), ProductArchived.class).productId());
            case EventTypes.CATEGORY_UPSERTED -> {
                CategoryUpserted category = json.readValue(event.payload(), CategoryUpserted.class);
                yield new IndexChange.CategoryListed(new ListedCategory(category.categoryId(), category.parentId(),
                        category.slug(), category.name(), category.path(), category.position(),
                        category.locale() == null ? locales.defaultLocale() : category.locale(), category.translations()));
            }
            case EventTypes.CATEGORY_DELETED -> new IndexChange.CategoryUnlisted(
                    json.readValue(event.payload(), CategoryDeleted.class).categoryId());
            case EventTypes.STOCK_LEVEL_CHANGED -> {
                StockLevelChanged level = json.readValue(event.payload(), StockLevelChanged.class);
                if (level.sku() == null || level.sku().isBlank()) {
                    throw new IllegalArgumentException("the event has no sku");
                }
                yield new IndexChange.StockChanged(new Availability(level.sku(), Math.max(0, level.available()),
                        level.status() == null ? "OUT_OF_STOCK" : level.status(), level.expectedRestockDate()), event.sequence());
            }
            default -> null;
        };
    }

    private ListedProduct listed(ProductUpserted product) {
        List<ListedVariant> variants = product.variants() == null ? List.of() : product.variants().stream()
                .map(variant -> new ListedVariant(variant.variantId(), variant.sku(), variant.options(), variant.weightGrams(),
                        variant.active(), variant.prices() == null ? List.of() : variant.prices().stream()
                        .map(price -> new VariantPrice(price.currency(), new BigDecimal(price.amount()),
                                price.compareAtAmount() == null ? null : new BigDecimal(price.compareAtAmount())))
                        .toList()))
                .toList();
        List<MediaItem> media = product.media() == null ? List.of() : product.media().stream()
                .sorted(java.util.Comparator.comparingInt(Media::position)).map(item -> new MediaItem(item.url(), item.alt(), MediaItem.Type.valueOf(item.type()))).toList();
        return new ListedProduct(product.productId(), product.slug(), product.name(), product.description(),
                product.categoryIds(), product.attributes(), media, product.related(), product.taxCategory(), variants,
                product.createdAt(), Map.of(), product.locale() == null ? locales.defaultLocale() : product.locale(),
                product.translations());
    }
}
