package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.persistence.CategoryRepository;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * What shoppers browse, from this instance's {@link SearchIndex} alone (no database read on the way, except to
 * tell an unknown category from one the index has not seen yet): one product, pages of products with facets,
 * and completions of typed text.
 */
@ApplicationScoped
public class Storefront {

    private final SearchIndex index;
    private final CategoryRepository categories;

    public Storefront(SearchIndex index, CategoryRepository categories) {
        this.index = index;
        this.categories = categories;
    }

    /** An active product by id or slug (of {@code locale} first); anything else is 404, like an unknown one. */
    public ListedProduct product(String idOrSlug, String locale) {
        return index.product(idOrSlug, locale).orElseThrow(() -> ProblemException.notFound("product", idOrSlug));
    }

    /** A page of the products matching {@code criteria}, after {@code cursor} (from the page before) when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchIndex.Page find(ProductQuery criteria, String cursor, int limit) {
        if (criteria.categoryId() != null && index.category(criteria.categoryId()).isEmpty()
                && categories.findByIdOptional(criteria.categoryId()).isEmpty()) {
            throw ProblemException.notFound("category", criteria.categoryId());
        }
        try {
            return index.search(criteria, after(cursor), limit);
        } catch (SearchIndex.InvalidAfter e) {
            throw invalidCursor();
        }
    }

    public List<SearchIndex.Suggestion> suggest(String text, String locale, int limit) {
        return index.suggest(text, locale, limit);
    }

    /** The cursor of a page's end. */
    public static String cursor(SearchIndex.After after) {
        return after == null ? null : Cursor.after(after.sortKey(), after.id().toString()).encode();
    }

    private static SearchIndex.After after(String cursor) {
        if (cursor == null) {
            return null;
        }
        Cursor position = Cursor.decode(cursor, 2);
        try {
            return new SearchIndex.After(position.value(0), UUID.fromString(position.value(1)));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
    }
}
