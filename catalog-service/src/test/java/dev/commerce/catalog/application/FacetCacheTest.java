package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.persistence.ProductSearch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FacetCacheTest {

    private static ProductQuery criteria(String word, ProductQuery.Sort sort) {
        return new ProductQuery(List.of(word), null, "EUR", null, null, Map.of(), false, sort);
    }

    private static SearchFacets facets(int marker) {
        return new SearchFacets(Map.of(), Map.of(), Map.of("marker", (long) marker));
    }

    @Test
    void pages_of_one_result_share_its_facets_whatever_their_sort_until_they_expire() {
        AtomicInteger computed = new AtomicInteger();
        FacetCache cache = new FacetCache(Duration.ofHours(1));
        SearchFacets first = cache.get(criteria("shoe", ProductQuery.Sort.RELEVANCE), () -> facets(computed.incrementAndGet()));
        SearchFacets again = cache.get(criteria("shoe", ProductQuery.Sort.PRICE_ASC), () -> facets(computed.incrementAndGet()));
        assertThat(again).isSameAs(first);
        cache.get(criteria("boot", ProductQuery.Sort.RELEVANCE), () -> facets(computed.incrementAndGet()));
        assertThat(computed).hasValue(2);

        FacetCache expiring = new FacetCache(Duration.ZERO);
        expiring.get(criteria("shoe", ProductQuery.Sort.NAME), () -> facets(computed.incrementAndGet()));
        expiring.get(criteria("shoe", ProductQuery.Sort.NAME), () -> facets(computed.incrementAndGet()));
        assertThat(computed).hasValue(4);
    }
}
