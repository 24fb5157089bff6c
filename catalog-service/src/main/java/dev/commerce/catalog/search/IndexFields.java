package dev.commerce.catalog.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The field names of the index's documents, and how attribute values become facet values. */
final class IndexFields {

    /** Unique per document: {@code product:<id>}, {@code category:<id>}, {@code stock:<sku>}. */
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String PRODUCT = "product";
    static final String CATEGORY_KIND = "category";
    static final String STOCK = "stock";
    /** The product's or category's id: a term for lookups, sorted doc values to read it from a hit. */
    static final String ID = "id";
    /**
     * The product's id as two numbers (its most and least significant bits): the tie-breaker of every order. A
     * sort by the id's text looked up and copied the text of every competitive hit, a sixth of a search's time.
     */
    static final String ID_HIGH = "id.high";
    static final String ID_LOW = "id.low";
    /** The document as JSON, read back when an instance restarts. */
    static final String SOURCE = "source";
    static final String SEQUENCE = "sequence";
    static final String SKU = "sku";
    /** The product's own categories: terms for filters, doc values for facets. */
    static final String CATEGORY = "category";
    /** {@code name\u001fvalue} per attribute value, per language: terms for filters, doc values for facets. */
    static final String ATTRIBUTE = "attr";
    static final char ATTRIBUTE_SEPARATOR = '\u001f';
    static final String CURRENCY = "currency";
    static final String IN_STOCK = "instock";
    static final String CREATED = "created";
    /** The name per language, folded, for sorting by name. */
    static final String NAME_SORT = "namesort";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String ATTRIBUTE_TEXT = "attrs";

    private IndexFields() {
    }

    /** The listed price in a currency: points for ranges, doc values for sorts and bands (units of 10^-4). */
    static String price(String currency) {
        return "price." + currency;
    }

    /** The attribute values in a language's words ({@code attr.fr}). */
    static String attributes(String language) {
        return ATTRIBUTE + "." + language;
    }

    static String nameSort(String language) {
        return NAME_SORT + "." + language;
    }

    static String key(String kind, Object id) {
        return kind + ":" + id;
    }

    static String attribute(String name, String value) {
        return name + ATTRIBUTE_SEPARATOR + value;
    }

    /**
     * The facet values of an attribute: a text as it is, a number in plain form without trailing zeros (8.0 is 8), a
     * boolean as true/false, each element of a list; objects have none.
     */
    static List<String> facetValues(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(element -> values.addAll(facetValues(element)));
        } else if (value instanceof Number number) {
            values.add(number(number.toString()));
        } else if (value instanceof String || value instanceof Boolean) {
            values.add(value.toString());
        }
        return values;
    }

    /** A filter value as it is indexed: numbers in the same plain form as {@link #facetValues}. */
    static List<String> filterValues(String value) {
        List<String> values = new ArrayList<>(List.of(value));
        if (value.matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?")) {
            String number = number(value);
            if (!number.equals(value)) {
                values.add(number);
            }
        }
        return values;
    }

    /** The text of the attribute values that search reads (texts and numbers, not booleans or objects). */
    static String attributeText(Map<String, Object> attributes) {
        StringBuilder text = new StringBuilder();
        attributes.values().forEach(value -> facetValues(value).stream()
                .filter(v -> !v.equals("true") && !v.equals("false"))
                .forEach(v -> text.append(v).append(' ')));
        return text.toString();
    }

    private static String number(String text) {
        BigDecimal number = new BigDecimal(text).stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }
}
