package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.Category;
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
import java.util.UUID;
import java.util.function.LongConsumer;

/** Use cases on categories; each method is one transaction. */
@ApplicationScoped
@Transactional
public class CategoryCatalog {

    private static final Logger LOG = Logger.getLogger(CategoryCatalog.class);

    private final CategoryRepository categories;
    private final CategoryEvents events;
    private final Clock clock = Clock.systemUTC();

    public CategoryCatalog(CategoryRepository categories, CategoryEvents events) {
        this.categories = categories;
        this.events = events;
    }

    public Category create(UUID parentId, String slug, String name, int position) {
        if (parentId != null && categories.findByIdOptional(parentId).isEmpty()) {
            throw ProblemException.badRequest("unknown-parent", "parent category " + parentId + " does not exist");
        }
        if (categories.slugTaken(slug)) {
            throw ProblemException.conflict("duplicate-slug", "a category with slug '" + slug + "' exists");
        }
        Category category = new Category(parentId, slug, name, position, Instant.now(clock));
        categories.persistAndFlush(category);
        events.upserted(category);
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

    /** Renames a category; {@code checkVersion} refuses a stale If-Match before anything changes. */
    public Category rename(UUID id, String name, int position, LongConsumer checkVersion) {
        Category category = get(id);
        checkVersion.accept(category.version());
        category.rename(name, position, Instant.now(clock));
        categories.flush();
        events.upserted(category);
        return category;
    }
}
