package dev.commerce.catalog.search;

import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.listing.PriceBands;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.Set;
import java.util.UUID;

/** A storefront query as a Lucene query, its order (ties broken by product id) and where a page of it ends. */
final class ProductQueries {

    private static final SortField BY_ID_HIGH = new SortField(IndexFields.ID_HIGH, SortField.Type.LONG);
    private static final SortField BY_ID_LOW = new SortField(IndexFields.ID_LOW, SortField.Type.LONG);

    private final TextQueries text;

    ProductQueries(TextQueries text) {
        this.text = text;
    }

    /**
     * Active products priced in the currency, in {@code categoryScope} (null: anywhere), with the attribute values
     * (values of one name OR-ed, names AND-ed), in the price range and in stock when asked, matching the text; texts
     * and attribute values in the query's language.
     */
    Query matching(ProductQuery query, Set<String> categoryScope) {
        BooleanQuery.Builder all = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.PRODUCT)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.CURRENCY, query.currency())), BooleanClause.Occur.FILTER);
        if (categoryScope != null) {
            all.add(new TermInSetQuery(IndexFields.CATEGORY, categoryScope.stream().map(BytesRef::new).toList()),
                    BooleanClause.Occur.FILTER);
        }
        String language = ShopLocales.language(query.locale());
        String attributeField = IndexFields.attributes(language);
        query.attributes().forEach((name, values) -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(value -> IndexFields.filterValues(value).forEach(indexed ->
                    any.add(new TermQuery(new Term(attributeField, IndexFields.attribute(name, indexed))),
                            BooleanClause.Occur.SHOULD)));
            all.add(any.build(), BooleanClause.Occur.FILTER);
        });
        if (query.inStockOnly()) {
            all.add(new TermQuery(new Term(IndexFields.IN_STOCK, "true")), BooleanClause.Occur.FILTER);
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            all.add(LongPoint.newRangeQuery(IndexFields.price(query.currency()),
                    query.minPrice() == null ? Long.MIN_VALUE : PriceBands.scale(query.minPrice()),
                    query.maxPrice() == null ? Long.MAX_VALUE : PriceBands.scale(query.maxPrice())), BooleanClause.Occur.FILTER);
        }
        if (query.text() != null) {
            Query words = text.search(query.text(), language);
            all.add(words == null ? new MatchNoDocsQuery() : words, BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    Sort sort(ProductQuery query) {
        return new Sort(first(query), BY_ID_HIGH, BY_ID_LOW);
    }

    private static SortField first(ProductQuery query) {
        return switch (query.sort()) {
            case RELEVANCE -> SortField.FIELD_SCORE;
            case NEWEST -> new SortField(IndexFields.CREATED, SortField.Type.LONG, true);
            case PRICE_ASC -> new SortField(IndexFields.price(query.currency()), SortField.Type.LONG, false);
            case PRICE_DESC -> new SortField(IndexFields.price(query.currency()), SortField.Type.LONG, true);
            case NAME -> new SortField(IndexFields.nameSort(ShopLocales.language(query.locale())), SortField.Type.STRING);
        };
    }

    /** The sort key of a hit, as text for a cursor. */
    static String sortKey(FieldDoc hit) {
        Object key = hit.fields[0];
        return key instanceof BytesRef bytes ? bytes.utf8ToString() : String.valueOf(key);
    }

    static UUID id(FieldDoc hit) {
        return new UUID((Long) hit.fields[1], (Long) hit.fields[2]);
    }

    /** The position after which the next page starts. */
    FieldDoc after(ProductQuery query, SearchIndex.After after, int maxDoc) {
        try {
            Object key = switch (query.sort()) {
                case RELEVANCE -> Float.parseFloat(after.sortKey());
                case NEWEST, PRICE_ASC, PRICE_DESC -> Long.parseLong(after.sortKey());
                case NAME -> new BytesRef(after.sortKey());
            };
            float score = key instanceof Float relevance ? relevance : Float.NaN;
            // the id breaks every tie, so the document number only decides for the product itself: the highest
            // number keeps it out of the next page
            return new FieldDoc(maxDoc - 1, score, new Object[]{key, after.id().getMostSignificantBits(),
                    after.id().getLeastSignificantBits()});
        } catch (NumberFormatException e) {
            throw new SearchIndex.InvalidAfter("the cursor does not belong to this sort");
        }
    }
}
