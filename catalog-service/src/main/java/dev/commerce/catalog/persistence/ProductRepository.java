package dev.commerce.catalog.persistence;

import dev.commerce.catalog.domain.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Products and the uniqueness questions a change asks (slugs, SKUs). */
@ApplicationScoped
public class ProductRepository {

    private final EntityManager entityManager;

    public ProductRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(Product product) {
        entityManager.persist(product);
    }

    public void flush() {
        entityManager.flush();
    }

    public Optional<Product> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(Product.class, id));
    }

    /** Every product, oldest first. */
    public java.util.stream.Stream<Product> all() {
        return entityManager.createQuery("FROM Product ORDER BY createdAt, id", Product.class).getResultStream();
    }

    public Optional<Product> bySlug(String slug) {
        return entityManager.createQuery("FROM Product WHERE slug = :slug", Product.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** Whether another product than {@code except} uses the slug as its default slug or in any locale. */
    public boolean slugTaken(String slug, UUID except) {
        return SlugOwnership.taken(entityManager, "product", "product_slug", "product_id", slug, SlugOwnership.ANY_LOCALE, except);
    }

    /** Whether another product than {@code except} uses the slug as its default slug or in {@code locale}. */
    public boolean slugTaken(String slug, String locale, UUID except) {
        return SlugOwnership.taken(entityManager, "product", "product_slug", "product_id", slug, locale, except);
    }

    /** The SKUs among {@code skus} that variants of products other than {@code except} use. */
    public List<String> skusTaken(Collection<String> skus, UUID except) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("""
                        SELECT v.sku FROM Variant v WHERE v.sku IN :skus AND v.product.id <> :except ORDER BY v.sku""", String.class)
                .setParameter("skus", skus).setParameter("except", except).getResultList();
    }

    /** The ids among {@code ids} that name existing products. */
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return entityManager.createQuery("SELECT p.id FROM Product p WHERE p.id IN :ids", UUID.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toSet());
    }

    /** The ids among {@code ids} that name existing categories. */
    public Set<UUID> existingCategories(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return entityManager.createQuery("SELECT c.id FROM Category c WHERE c.id IN :ids", UUID.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toSet());
    }
}
