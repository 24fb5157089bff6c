package dev.commerce.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a shopper asked the storefront for. {@code text} is what they typed (null: no text search); the index
 * analyses it as words of {@code locale}'s language, never as query syntax, and attribute values are those of that
 * locale. Results are ordered by {@code sort}, ties broken by id.
 */
public record ProductQuery(String text, UUID categoryId, String currency, BigDecimal minPrice, BigDecimal maxPrice,
                           Map<String, List<String>> attributes, boolean inStockOnly, Sort sort, String locale) {

    /** How results are ordered. */
    public enum Sort { RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, NAME }
}
