package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.Variant;
import dev.commerce.catalog.persistence.AvailabilityRepository;
import dev.commerce.catalog.persistence.CategoryRepository;
import dev.commerce.catalog.persistence.ProductRepository;
import dev.commerce.catalog.persistence.ProductSearch;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What shoppers browse: one product with availability; pages of products with facets. Read-only. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Storefront {

    /** A page of products in result order, the cursor after it, and facets over the whole result. */
    public record Results(List<Product> products, Map<String, Availability> availability,
                          String nextCursor, SearchFacets facets) {
    }

    private final ProductCatalog catalog;
    private final ProductSearch search;
    private final AvailabilityRepository availability;
    private final CategoryRepository categories;
    private final ProductRepository products;
    private final FacetCache facets;

    public Storefront(ProductCatalog catalog, ProductSearch search, AvailabilityRepository availability,
                      CategoryRepository categories, ProductRepository products, FacetCache facets) {
        this.facets = facets;
        this.catalog = catalog;
        this.search = search;
        this.availability = availability;
        this.categories = categories;
        this.products = products;
    }

    public Product product(String idOrSlug) {
        return catalog.visible(idOrSlug);
    }

    public Map<String, Availability> availabilityOf(Product product) {
        return availability.of(product.variants().stream().map(Variant::sku).toList());
    }

    public Results find(ProductQuery criteria, String cursor, int limit) {
        if (criteria.categoryId() != null && categories.findByIdOptional(criteria.categoryId()).isEmpty()) {
            throw ProblemException.notFound("category", criteria.categoryId());
        }
        String afterKey = null;
        UUID afterId = null;
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, 2);
            afterKey = position.value(0);
            try {
                afterId = UUID.fromString(position.value(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
            }
        }
        List<ProductSearch.Hit> hits = search.page(criteria, afterKey, afterId, limit + 1);
        String next = hits.size() > limit ? Cursor.after(hits.get(limit - 1).sortKey(), hits.get(limit - 1).id().toString()).encode() : null;
        List<ProductSearch.Hit> shown = hits.subList(0, Math.min(limit, hits.size()));
        List<Product> products = load(shown.stream().map(ProductSearch.Hit::id).toList());
        Map<String, Availability> levels = availability.of(products.stream()
                .flatMap(product -> product.variants().stream().map(Variant::sku)).toList());
        return new Results(products, levels, next, facets.get(criteria, () -> search.facets(criteria)));
    }

    private List<Product> load(List<UUID> ids) {
        return products.inOrder(ids);
    }
}
