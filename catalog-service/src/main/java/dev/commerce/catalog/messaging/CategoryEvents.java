package dev.commerce.catalog.messaging;

import dev.commerce.catalog.domain.Category;
import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * Category events on {@code catalog.category.v1} (compacted, key = category id), recorded in the caller's
 * transaction through the outbox. Payloads follow contracts/schemas/catalog/category-*.v1.json.
 */
@ApplicationScoped
public class CategoryEvents {

    public static final String TOPIC = Topics.CATALOG_CATEGORY;
    static final EventType CATEGORY_UPSERTED = EventType.of(EventTypes.CATEGORY_UPSERTED);
    static final EventType CATEGORY_DELETED = EventType.of(EventTypes.CATEGORY_DELETED);

    public record CategoryDeleted(UUID categoryId) {
    }

    /**
     * The payload of category-upserted: the whole category, with its path of slugs from the root; slug and name in
     * the shop's default locale ({@code locale}), {@code translations} in the others.
     */
    public record CategoryUpserted(UUID categoryId, UUID parentId, String slug, String path, String name, int position,
                                   String locale, Map<String, CategoryTranslation> translations) {
    }

    private final Outbox outbox;
    private final ShopLocales locales;

    public CategoryEvents(Outbox outbox, ShopLocales locales) {
        this.outbox = outbox;
        this.locales = locales;
    }

    /** {@code path}: the slugs from the root down to this category, e.g. "/shoes/running-shoes". */
    public void upserted(Category category, String path) {
        outbox.record(TOPIC, CATEGORY_UPSERTED, category.id().toString(), new CategoryUpserted(category.id(),
                category.parentId(), category.slug(), path, category.name(), category.position(), locales.defaultLocale(),
                category.translations()));
    }

    public void deleted(UUID categoryId) {
        outbox.record(TOPIC, CATEGORY_DELETED, categoryId.toString(), new CategoryDeleted(categoryId));
    }
}
