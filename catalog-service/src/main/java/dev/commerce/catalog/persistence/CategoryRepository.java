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
}
