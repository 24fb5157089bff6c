package dev.commerce.catalog.persistence;

import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.ProductQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The storefront's product queries: the active products with a price in the currency that match text (PostgreSQL
 * full-text search, prefix matching, ranked), a category and its subcategories, attribute values, a price range
 * and stock; one keyset page of them in the chosen order; and facet counts over the whole result.
 * Every value reaches SQL as a bind parameter; search text reaches it only as letters and digits.
 */
@ApplicationScoped
public class ProductSearch {

    /** The column each order sorts by, its direction, and the SQL type of its key (for the cursor's bound). */
    private record SortColumn(String column, boolean ascending, String sqlType) {
        static SortColumn of(ProductQuery.Sort sort) {
            return switch (sort) {
                case RELEVANCE -> new SortColumn("rank", false, "real");
                case NEWEST -> new SortColumn("created_at", false, "timestamptz");
                case PRICE_ASC -> new SortColumn("price", true, "numeric");
                case PRICE_DESC -> new SortColumn("price", false, "numeric");
                case NAME -> new SortColumn("name", true, "text");
            };
        }
    }

    /** One product of a page with its sort key (for the cursor after it). */
    public record Hit(UUID id, String sortKey) {
    }

    /** Upper bounds of the price bands (the last band is open). */
    public static final List<BigDecimal> PRICE_BANDS = List.of(new BigDecimal("25"), new BigDecimal("50"),
            new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("500"));
    private static final int VALUES_PER_ATTRIBUTE = 20;

    private final EntityManager entityManager;

    public ProductSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Up to {@code limit} products after the keyset position ({@code afterKey}, {@code afterId}) when given. */
    @SuppressWarnings("unchecked")
    public List<Hit> page(ProductQuery criteria, String afterKey, UUID afterId, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder(matched(criteria, scope(criteria), parameters));
        SortColumn sort = SortColumn.of(criteria.sort());
        sql.append("SELECT id, CAST(").append(sort.column).append(" AS text) AS sort_key FROM result");
        if (afterId != null) {
            parameters.add(afterKey);
            int key = parameters.size();
            parameters.add(afterId);
            int id = parameters.size();
            String bound = "CAST(?" + key + " AS " + sort.sqlType + ")";
            sql.append(" WHERE (").append(sort.column).append(sort.ascending ? " > " : " < ").append(bound)
                    .append(" OR (").append(sort.column).append(" = ").append(bound).append(" AND id > ?").append(id).append("))");
        }
        sql.append(" ORDER BY ").append(sort.column).append(sort.ascending ? " ASC" : " DESC").append(", id ASC LIMIT ")
                .append(limit);
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql.toString()), parameters).getResultList();
        return rows.stream().map(row -> new Hit((UUID) row[0], (String) row[1])).toList();
    }

    /** Counts over the whole result (every page): by category, by attribute value, by price band. */
    @SuppressWarnings("unchecked")
    public SearchFacets facets(ProductQuery criteria) {
        Map<UUID, Long> categories = new LinkedHashMap<>();
        List<Object> parameters = new ArrayList<>();
        String matched = matched(criteria, scope(criteria), parameters);
        List<Object[]> rows = bind(entityManager.createNativeQuery(matched + """
                SELECT pc.category_id, COUNT(*) FROM result r JOIN product_category pc ON pc.product_id = r.id
                GROUP BY pc.category_id ORDER BY COUNT(*) DESC, pc.category_id LIMIT 50"""), parameters).getResultList();
        rows.forEach(row -> categories.put((UUID) row[0], ((Number) row[1]).longValue()));

        Map<String, Map<String, Long>> attributes = new LinkedHashMap<>();
        rows = bind(entityManager.createNativeQuery(matched + """
                SELECT e.key, v.value, COUNT(*) FROM result r JOIN product p ON p.id = r.id
                CROSS JOIN LATERAL jsonb_each(p.attributes) e
                CROSS JOIN LATERAL jsonb_array_elements_text(
                    CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value ELSE jsonb_build_array(e.value) END) v(value)
                WHERE jsonb_typeof(e.value) <> 'object'
                GROUP BY e.key, v.value ORDER BY e.key, COUNT(*) DESC, v.value"""), parameters).getResultList();
        for (Object[] row : rows) {
            Map<String, Long> values = attributes.computeIfAbsent((String) row[0], key -> new LinkedHashMap<>());
            if (values.size() < VALUES_PER_ATTRIBUTE) {
                values.put((String) row[1], ((Number) row[2]).longValue());
            }
        }

        Map<String, Long> bands = new LinkedHashMap<>();
        StringBuilder band = new StringBuilder("CASE");
        BigDecimal lower = BigDecimal.ZERO;
        for (BigDecimal upper : PRICE_BANDS) {
            band.append(" WHEN price < ").append(upper.toPlainString()).append(" THEN '").append(lower.toPlainString())
                    .append("-").append(upper.toPlainString()).append("'");
            lower = upper;
        }
        band.append(" ELSE '").append(lower.toPlainString()).append("+' END");
        rows = bind(entityManager.createNativeQuery(matched + "SELECT " + band + " AS band, COUNT(*) FROM result GROUP BY band"),
                parameters).getResultList();
        Map<String, Long> counted = new LinkedHashMap<>();
        rows.forEach(row -> counted.put((String) row[0], ((Number) row[1]).longValue()));
        lower = BigDecimal.ZERO;
        for (BigDecimal upper : PRICE_BANDS) {
            String name = lower.toPlainString() + "-" + upper.toPlainString();
            bands.put(name, counted.getOrDefault(name, 0L));
            lower = upper;
        }
        bands.put(lower.toPlainString() + "+", counted.getOrDefault(lower.toPlainString() + "+", 0L));
        return new SearchFacets(categories, attributes, bands);
    }

    /** The categories a category filter covers (null without one); read once per query set. */
    private UUID[] scope(ProductQuery criteria) {
        return criteria.categoryId() == null ? null : subtree(criteria.categoryId());
    }

    /** The category and all categories below it. */
    @SuppressWarnings("unchecked")
    private UUID[] subtree(UUID categoryId) {
        List<UUID> ids = entityManager.createNativeQuery("""
                        WITH RECURSIVE cats AS (SELECT id FROM category WHERE id = ?1
                            UNION ALL SELECT c.id FROM category c JOIN cats ON c.parent_id = cats.id)
                        SELECT id FROM cats""", UUID.class).setParameter(1, categoryId).getResultList();
        return ids.toArray(new UUID[0]);
    }

    /**
     * The CTE {@code result}: matching active products with their listed price in the currency (kept in
     * product_price, so products without a price in it are not listed), and their rank when searching.
     */
    private String matched(ProductQuery criteria, UUID[] categoryScope, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("WITH result AS (SELECT p.id, p.name, p.created_at, pp.amount AS price, ");
        boolean text = !criteria.terms().isEmpty();
        int query = 0;
        if (text) {
            parameters.add(String.join(" & ", criteria.terms().stream().map(term -> term + ":*").toList()));
            query = parameters.size();
            sql.append("ts_rank_cd(p.search, to_tsquery('simple', ?").append(query).append(")) AS rank ");
        } else {
            sql.append("CAST(0 AS real) AS rank ");
        }
        parameters.add(criteria.currency());
        sql.append("FROM product p JOIN product_price pp ON pp.product_id = p.id AND pp.currency = ?").append(parameters.size())
                .append(" WHERE p.status = 'ACTIVE'");
        if (text) {
            sql.append(" AND p.search @@ to_tsquery('simple', ?").append(query).append(")");
        }
        if (categoryScope != null) {
            parameters.add(categoryScope);
            sql.append(" AND EXISTS (SELECT 1 FROM product_category pc WHERE pc.product_id = p.id AND pc.category_id = ANY(?")
                    .append(parameters.size()).append("))");
        }
        criteria.attributes().forEach((name, values) -> {
            List<String> alternatives = new ArrayList<>();
            for (String value : values) {
                for (String json : attributeJson(name, value)) {
                    parameters.add(json);
                    alternatives.add("p.attributes @> CAST(?" + parameters.size() + " AS jsonb)");
                }
            }
            sql.append(" AND (").append(String.join(" OR ", alternatives)).append(")");
        });
        if (criteria.inStockOnly()) {
            sql.append(" AND EXISTS (SELECT 1 FROM variant v JOIN sku_availability a ON a.sku = v.sku WHERE v.product_id = p.id")
                    .append(" AND v.active AND a.status IN ('IN_STOCK', 'LOW_STOCK', 'BACKORDERABLE'))");
        }
        if (criteria.minPrice() != null) {
            parameters.add(criteria.minPrice());
            sql.append(" AND pp.amount >= ?").append(parameters.size());
        }
        if (criteria.maxPrice() != null) {
            parameters.add(criteria.maxPrice());
            sql.append(" AND pp.amount <= ?").append(parameters.size());
        }
        return sql.append(") ").toString();
    }

    /** The JSON documents an attribute value may match: as text, in a list of texts, as a number or true/false. */
    private static List<String> attributeJson(String name, String value) {
        String key = quote(name);
        List<String> documents = new ArrayList<>(List.of("{" + key + ":" + quote(value) + "}", "{" + key + ":[" + quote(value) + "]}"));
        if (value.matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?")) {
            documents.add("{" + key + ":" + new BigDecimal(value).toPlainString() + "}");
        }
        if (value.equals("true") || value.equals("false")) {
            documents.add("{" + key + ":" + value + "}");
        }
        return documents;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
