package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.listing.IndexChange;
import dev.commerce.catalog.domain.listing.ListedCategory;
import dev.commerce.catalog.domain.listing.ListedProduct;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The storefront's read side: every active product, category and stock level, searchable and faceted, held by each
 * catalog instance for itself and fed from the catalog and inventory topics. PostgreSQL stays the source of truth;
 * this port is what an embedded index or a search cluster implements (see bench/catalog/REPORT.md).
 */
public interface SearchIndex {

    /** Where a page of results ends: the sort key of its last product and that product's id (the tie-breaker). */
    record After(String sortKey, UUID id) {
    }

    /** An {@link After} that no page of this order ends with (a cursor of another sort, or tampered with). */
    class InvalidAfter extends IllegalArgumentException {
        public InvalidAfter(String message) {
            super(message);
        }
    }

    /** A page of products in result order, where it ends (null when it is the last), and the whole result's facets. */
    record Page(List<ListedProduct> products, After next, long total, SearchFacets facets) {
    }

    /** A completion of typed text: a product or a category whose name matches; text and slug in the locale asked. */
    record Suggestion(Kind kind, String text, UUID id, String slug) {
        public enum Kind { PRODUCT, CATEGORY }
    }

    /** The next offset to read of every topic partition applied so far, keyed {@code topic:partition}. */
    Map<String, Long> positions();

    /**
     * Applies the changes in order and stores {@code positions} with them in one durable write; searchable on
     * return. When it throws, the caller applies the same changes again.
     */
    void apply(List<IndexChange> changes, Map<String, Long> positions) throws Exception;

    /** An active product by id or slug (in {@code locale} first, then in the shop's other locales). */
    Optional<ListedProduct> product(String idOrSlug, String locale);

    Optional<ListedCategory> category(UUID id);

    /** One page of the products matching {@code query}, after {@code after} when given. */
    Page search(ProductQuery query, After after, int limit);

    /** Up to {@code limit} product names and categories in {@code locale} completing {@code text}. */
    List<Suggestion> suggest(String text, String locale, int limit);
}
