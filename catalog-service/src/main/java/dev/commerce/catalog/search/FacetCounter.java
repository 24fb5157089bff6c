package dev.commerce.catalog.search;

import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.listing.PriceBands;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Counts the facets of a whole result in one pass over its documents' doc values: categories, attribute values,
 * the listed prices in the currency (banded afterwards, as the currency's bands say) and products in stock.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, SearchFacets> {

    static final int CATEGORIES = 50;
    static final int VALUES_PER_ATTRIBUTE = 20;

    private final String currency;
    private final String language;
    private final Function<long[], PriceBands> bandsFor;

    /**
     * {@code language}: the one attribute values are counted in; {@code bandsFor}: the bands of a result given its
     * prices (in no order, scaled by {@link PriceBands#SCALE}; it may reorder them).
     */
    FacetCounter(String currency, String language, Function<long[], PriceBands> bandsFor) {
        this.currency = currency;
        this.language = language;
        this.bandsFor = bandsFor;
    }

    /** The counts of one slice of the index. */
    static final class Counts implements Collector {
        final Map<String, Long> categories = new HashMap<>();
        final Map<String, Long> attributes = new HashMap<>();
        long[] prices = new long[64];
        int priced;
        long inStock;
        private final String priceField;
        private final String attributeField;

        Counts(String priceField, String attributeField) {
            this.priceField = priceField;
            this.attributeField = attributeField;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues categoryValues = DocValues.getSortedSet(context.reader(), IndexFields.CATEGORY);
            SortedSetDocValues attributeValues = DocValues.getSortedSet(context.reader(), attributeField);
            NumericDocValues priceValues = DocValues.getNumeric(context.reader(), priceField);
            NumericDocValues stockValues = DocValues.getNumeric(context.reader(), IndexFields.IN_STOCK);
            long[] categoryCounts = new long[(int) categoryValues.getValueCount()];
            long[] attributeCounts = new long[(int) attributeValues.getValueCount()];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    count(categoryValues, doc, categoryCounts);
                    count(attributeValues, doc, attributeCounts);
                    if (priceValues.advanceExact(doc)) {
                        if (priced == prices.length) {
                            prices = Arrays.copyOf(prices, priced * 2);
                        }
                        prices[priced++] = priceValues.longValue();
                    }
                    if (stockValues.advanceExact(doc) && stockValues.longValue() == 1) {
                        inStock++;
                    }
                }

                @Override
                public void finish() throws IOException {
                    merge(categoryValues, categoryCounts, categories);
                    merge(attributeValues, attributeCounts, attributes);
                }
            };
        }

        private static void count(SortedSetDocValues values, int doc, long[] counts) throws IOException {
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    counts[(int) values.nextOrd()]++;
                }
            }
        }

        private static void merge(SortedSetDocValues values, long[] counts, Map<String, Long> into) throws IOException {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    BytesRef term = values.lookupOrd(ord);
                    into.merge(term.utf8ToString(), counts[ord], Long::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counts newCollector() {
        return new Counts(IndexFields.price(currency), IndexFields.attributes(language));
    }

    @Override
    public SearchFacets reduce(Collection<Counts> slices) {
        Map<String, Long> categoryCounts = new HashMap<>();
        Map<String, Long> attributeCounts = new HashMap<>();
        long inStock = 0;
        int priced = slices.stream().mapToInt(slice -> slice.priced).sum();
        long[] prices = new long[priced];
        int at = 0;
        for (Counts slice : slices) {
            slice.categories.forEach((key, count) -> categoryCounts.merge(key, count, Long::sum));
            slice.attributes.forEach((key, count) -> attributeCounts.merge(key, count, Long::sum));
            System.arraycopy(slice.prices, 0, prices, at, slice.priced);
            at += slice.priced;
            inStock += slice.inStock;
        }
        Map<UUID, Long> categories = new LinkedHashMap<>();
        categoryCounts.entrySet().stream().sorted(byCount()).limit(CATEGORIES)
                .forEach(entry -> categories.put(UUID.fromString(entry.getKey()), entry.getValue()));
        return new SearchFacets(categories, attributes(attributeCounts), bandsFor.apply(prices).count(prices, priced), inStock);
    }

    /** By attribute name, each one's values by count (most first) then value, at most {@link #VALUES_PER_ATTRIBUTE}. */
    private static Map<String, Map<String, Long>> attributes(Map<String, Long> counts) {
        Map<String, Map<String, Long>> attributes = new LinkedHashMap<>();
        List<Map.Entry<String, Long>> entries = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>, String>comparing(entry -> name(entry.getKey()))
                        .thenComparing(byCount()))
                .toList();
        for (Map.Entry<String, Long> entry : entries) {
            String key = entry.getKey();
            int separator = key.indexOf(IndexFields.ATTRIBUTE_SEPARATOR);
            Map<String, Long> values = attributes.computeIfAbsent(key.substring(0, separator), name -> new LinkedHashMap<>());
            if (values.size() < VALUES_PER_ATTRIBUTE) {
                values.put(key.substring(separator + 1), entry.getValue());
            }
        }
        return attributes;
    }

    private static String name(String key) {
        return key.substring(0, key.indexOf(IndexFields.ATTRIBUTE_SEPARATOR));
    }

    private static Comparator<Map.Entry<String, Long>> byCount() {
        return Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    }
}
