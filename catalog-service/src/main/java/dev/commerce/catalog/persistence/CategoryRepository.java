package dev.commerce.catalog.persistence;

import dev.commerce.catalog.domain.Category;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    public boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
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
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, 0x0ca7_a106).setParameter(2, 1).getSingleResult();
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
}
