package dev.commerce.catalog.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.listing.ListedCategory;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.LocalizedContent;
import dev.commerce.catalog.domain.listing.PriceBands;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.commerce.catalog.search.IndexFields.*;

/**
 * Turns the read side's products, categories and stock levels into index documents and back. Each document keeps
 * its source as JSON, so an instance that restarts rebuilds its memory from the index alone.
 */
final class IndexDocuments {

    private final ObjectMapper json;
    private final List<String> languages;

    /** {@code languages}: those of the shop's locales; a product is indexed in each (its translation or default texts). */
    IndexDocuments(ObjectMapper json, List<String> languages) {
        this.json = json;
        this.languages = List.copyOf(languages);
    }

    Document product(ListedProduct product) {
        Document document = new Document();
        String id = product.id().toString();
        document.add(new StringField(KEY, key(PRODUCT, id), Field.Store.NO));
        document.add(new StringField(KIND, PRODUCT, Field.Store.YES));
        document.add(new StringField(ID, id, Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(id)));
        document.add(new NumericDocValuesField(ID_HIGH, product.id().getMostSignificantBits()));
        document.add(new NumericDocValuesField(ID_LOW, product.id().getLeastSignificantBits()));
        document.add(new StoredField(SOURCE, source(product.withAvailability(Map.of()))));
        product.skus().forEach(sku -> document.add(new StringField(SKU, sku, Field.Store.NO)));
        product.categoryIds().forEach(category -> {
            document.add(new StringField(CATEGORY, category.toString(), Field.Store.NO));
            document.add(new SortedSetDocValuesField(CATEGORY, new BytesRef(category.toString())));
        });
        for (String currency : product.currencies()) {
            long price = PriceBands.scale(product.listedPrice(currency).orElseThrow());
            document.add(new StringField(CURRENCY, currency, Field.Store.NO));
            document.add(new LongPoint(price(currency), price));
            document.add(new NumericDocValuesField(price(currency), price));
        }
        boolean inStock = product.inStock();
        document.add(new StringField(IN_STOCK, String.valueOf(inStock), Field.Store.NO));
        document.add(new NumericDocValuesField(IN_STOCK, inStock ? 1 : 0));
        document.add(new NumericDocValuesField(CREATED, product.createdAt() == null ? 0 : product.createdAt().toEpochMilli()));
        for (String language : languages) {
            LocalizedContent content = product.in(language);
            String attributeField = attributes(language);
            content.attributes().forEach((name, value) -> facetValues(value).forEach(facet -> {
                document.add(new StringField(attributeField, attribute(name, facet), Field.Store.NO));
                document.add(new SortedSetDocValuesField(attributeField, new BytesRef(attribute(name, facet))));
            }));
            document.add(new SortedDocValuesField(nameSort(language), new BytesRef(sortable(content.name()))));
            text(document, NAME, language, content.name());
            text(document, DESCRIPTION, language, content.description());
            text(document, ATTRIBUTE_TEXT, language, attributeText(content.attributes()));
        }
        return document;
    }

    Document category(ListedCategory category) {
        Document document = new Document();
        document.add(new StringField(KEY, key(CATEGORY_KIND, category.id()), Field.Store.NO));
        document.add(new StringField(KIND, CATEGORY_KIND, Field.Store.YES));
        // indexed like a product's id: a field keeps one schema across the documents
        document.add(new StringField(ID, category.id().toString(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(category.id().toString())));
        document.add(new StoredField(SOURCE, source(category)));
        // categories are suggested by name, so only the plain form
        for (String language : languages) {
            document.add(new TextField(LanguageAnalyzers.field(NAME, language, LanguageAnalyzers.PLAIN),
                    category.nameIn(language), Field.Store.NO));
        }
        return document;
    }

    Document stock(Availability level, long sequence) {
        Document document = new Document();
        document.add(new StringField(KEY, key(STOCK, level.sku()), Field.Store.NO));
        document.add(new StringField(KIND, STOCK, Field.Store.YES));
        document.add(new StoredField(SOURCE, source(level)));
        document.add(new StoredField(SEQUENCE, sequence));
        return document;
    }

    <T> T read(BytesRef source, Class<T> type) {
        try {
            return json.readValue(source.bytes, source.offset, source.length, type);
        } catch (IOException e) {
            throw new UncheckedIOException("an index document's source is not " + type.getSimpleName(), e);
        }
    }

    /** Names sort case- and accent-blind: {@code Émile} with {@code emile}, before {@code Zoë}. */
    static String sortable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static void text(Document document, String field, String language, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        document.add(new TextField(LanguageAnalyzers.field(field, language, LanguageAnalyzers.STEM), text, Field.Store.NO));
        document.add(new TextField(LanguageAnalyzers.field(field, language, LanguageAnalyzers.PLAIN), text, Field.Store.NO));
    }

    private byte[] source(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an index document's source", e);
        }
    }
}
