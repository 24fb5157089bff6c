package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.persistence.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Facet counts of recent results, kept for a few seconds ({@code commerce.catalog.facets.ttl}, default 5 s): every
 * page of a category or search shares the counts of the whole result, which cost the most to compute (they read
 * every matching product). Counts may lag a change by that long; pages themselves are never cached.
 */
@ApplicationScoped
public class FacetCache {

    private static final int MAX_ENTRIES = 2_000;

    private record Entry(SearchFacets facets, long expiresAt) {
    }

    private final Map<ProductQuery, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ProductQuery, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final long ttlNanos;

    public FacetCache(@ConfigProperty(name = "commerce.catalog.facets.ttl", defaultValue = "PT5S") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The facets of a result (the sort does not change them), computed when absent or expired. */
    public SearchFacets get(ProductQuery criteria, Supplier<SearchFacets> compute) {
        ProductQuery key = new ProductQuery(criteria.terms(), criteria.categoryId(), criteria.currency(),
                criteria.minPrice(), criteria.maxPrice(), criteria.attributes(), criteria.inStockOnly(), ProductQuery.Sort.NEWEST);
        long now = System.nanoTime();
        synchronized (entries) {
            Entry cached = entries.get(key);
            if (cached != null && cached.expiresAt() - now > 0) {
                return cached.facets();
            }
        }
        SearchFacets facets = compute.get();
        synchronized (entries) {
            entries.put(key, new Entry(facets, now + ttlNanos));
        }
        return facets;
    }
}
