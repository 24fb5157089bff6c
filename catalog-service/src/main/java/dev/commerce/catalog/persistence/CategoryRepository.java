package dev.commerce.catalog.persistence;

import dev.commerce.platform.web.persistence.AdvisoryLocks;
import java.util.ArrayDeque;
import java.util.Deque;
import dev.commerce.catalog.domain.Category;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    /** Key space of the tree's advisory lock. */
    private static final int TREE_LOCK_SPACE = 0x0ca7_a106;

    private final AdvisoryLocks locks;

    public CategoryRepository(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** Whether another category than {@code except} uses the slug as its default slug or in any locale. */
    public boolean slugTaken(String slug, UUID except) {
        return SlugOwnership.taken(getEntityManager(), "category", "category_slug", "category_id", slug,
                SlugOwnership.ANY_LOCALE, except);
    }

    /** Whether another category than {@code except} uses the slug as its default slug or in {@code locale}. */
    public boolean slugTaken(String slug, String locale, UUID except) {
        return SlugOwnership.taken(getEntityManager(), "category", "category_slug", "category_id", slug, locale, except);
    }

    /** Categories ordered by slug, after {@code afterSlug} when given; {@code limit} rows at most. */
    public List<Category> pageBySlug(String afterSlug, int limit) {
        if (afterSlug == null) {
            return find("ORDER BY slug").page(0, limit).list();
        }
        return find("slug > :after ORDER BY slug", Parameters.with("after", afterSlug)).page(0, limit).list();
    }

    /** Serialises moves of the tree, so two concurrent moves cannot build a cycle together. */
    public void lockTree() {
        locks.lock(TREE_LOCK_SPACE, 1);
    }

    public java.util.List<Category> roots() {
        return list("parentId IS NULL ORDER BY slug");
    }

    public java.util.List<Category> children(UUID parentId) {
        return list("parentId", parentId);
    }

    public boolean holdsProducts(UUID categoryId) {
        return ((Number) getEntityManager().createNativeQuery("SELECT COUNT(*) FROM product_category WHERE category_id = ?1")
                .setParameter(1, categoryId).getSingleResult()).longValue() > 0;
    }

    /** "/shoes/running-shoes": the slugs from the root down to this category. */
    public String pathOf(Category category) {
        Deque<String> slugs = new ArrayDeque<>();
        Category current = category;
        while (current != null) {
            slugs.addFirst(current.slug());
            current = current.parentId() == null ? null : findById(current.parentId());
        }
        return "/" + String.join("/", slugs);
    }
}
