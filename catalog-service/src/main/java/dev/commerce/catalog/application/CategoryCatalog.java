package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.Category;
import dev.commerce.catalog.domain.CategoryTranslation;
import dev.commerce.catalog.messaging.CategoryEvents;
import dev.commerce.catalog.persistence.CategoryRepository;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/** Use cases on categories; each method is one transaction. */
@ApplicationScoped
@Transactional
public class CategoryCatalog {

    private static final Logger LOG = Logger.getLogger(CategoryCatalog.class);

    private final CategoryRepository categories;
    private final CategoryEvents events;
    private final Clock clock;

    public CategoryCatalog(CategoryRepository categories, CategoryEvents events, Clock clock) {
        this.clock = clock;
        this.categories = categories;
        this.events = events;
    }

    /** {@code translations}: name and slug in the shop's other locales, by tag (checked against its locales). */
    public Category create(UUID parentId, String slug, String name, int position, Map<String, CategoryTranslation> translations) {
        if (parentId != null && categories.findByIdOptional(parentId).isEmpty()) {
            throw ProblemException.badRequest("unknown-parent", "parent category " + parentId + " does not exist");
        }
        Category category = new Category(parentId, slug, name, position, Instant.now(clock));
        if (categories.slugTaken(slug, category.id())) {
            throw ProblemException.conflict("duplicate-slug", "a category with slug '" + slug + "' exists");
        }
        checkSlugs(translations, category.id());
        category.translate(translations, Instant.now(clock));
        categories.persistAndFlush(category);
        events.upserted(category, categories.pathOf(category));
        LOG.infof("Created category %s (%s)", category.id(), slug);
        return category;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Category get(UUID id) {
        return categories.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("category", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Category> list(PageParams page) {
        String after = page.cursor == null ? null : Cursor.decode(page.cursor, 1).value(0);
        return Page.fromLookahead(categories.pageBySlug(after, page.limit + 1), page.limit,
                category -> Cursor.after(category.slug()));
    }

    /**
     * Renames a category, and replaces its translations when {@code translations} is not null; {@code checkVersion}
     * refuses a stale If-Match before anything changes.
     */
    public Category rename(UUID id, String name, int position, Map<String, CategoryTranslation> translations,
                           LongConsumer checkVersion) {
        Category category = get(id);
        checkVersion.accept(category.version());
        category.rename(name, position, Instant.now(clock));
        if (translations != null) {
            checkSlugs(translations, id);
            category.translate(translations, Instant.now(clock));
        }
        categories.flush();
        events.upserted(category, categories.pathOf(category));
        return category;
    }

    /** Translated slugs unique in their locale. */
    private void checkSlugs(Map<String, CategoryTranslation> translations, UUID categoryId) {
        translations.forEach((locale, translation) -> {
            if (translation.slug() != null && categories.slugTaken(translation.slug(), locale, categoryId)) {
                throw ProblemException.conflict("duplicate-slug", "a category with slug '" + translation.slug()
                        + "' exists in locale " + locale);
            }
        });
    }

    /**
     * Moves a category (and its subtree) under another parent, or to the top level when {@code parentId} is null.
     * Refuses a move under itself or one of its descendants. Every category of the subtree is announced again,
     * since its path changed.
     */
    public Category move(UUID id, UUID parentId, LongConsumer checkVersion) {
        categories.lockTree();
        Category category = get(id);
        checkVersion.accept(category.version());
        if (parentId != null) {
            if (categories.findByIdOptional(parentId).isEmpty()) {
                throw ProblemException.badRequest("unknown-parent", "parent category " + parentId + " does not exist");
            }
            for (UUID ancestor = parentId; ancestor != null; ancestor = categories.findById(ancestor).parentId()) {
                if (ancestor.equals(id)) {
                    throw ProblemException.conflict("category-cycle", "category " + id
                            + " cannot move under itself or one of its subcategories");
                }
            }
        }
        category.moveTo(parentId, Instant.now(clock));
        categories.flush();
        announceSubtree(category);
        return category;
    }

    /** Deletes a category with no subcategories and no products in it. */
    public void delete(UUID id) {
        categories.lockTree();
        Category category = get(id);
        if (!categories.children(id).isEmpty()) {
            throw ProblemException.conflict("category-has-children", "category " + id + " has subcategories; move or delete them first");
        }
        if (categories.holdsProducts(id)) {
            throw ProblemException.conflict("category-in-use", "products are in category " + id + "; take them out first");
        }
        categories.delete(category);
        events.deleted(id);
        LOG.infof("Deleted category %s (%s)", id, category.slug());
    }

    /** Announces every category again, parents before children (for consumers rebuilding a read model). */
    public int republishAll() {
        int announced = 0;
        for (Category root : categories.roots()) {
            announced += announceSubtree(root);
        }
        return announced;
    }

    private int announceSubtree(Category category) {
        events.upserted(category, categories.pathOf(category));
        int announced = 1;
        for (Category child : categories.children(category.id())) {
            announced += announceSubtree(child);
        }
        return announced;
    }
}
