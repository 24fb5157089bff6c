package dev.commerce.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.ImportJobs;
import dev.commerce.catalog.domain.ImportJob;
import dev.commerce.catalog.domain.ProductDraft;
import dev.commerce.catalog.domain.ProductStatus;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads an import line exactly like the API reads a product: a JSON line is a ProductDefinition; a CSV row (with
 * the upload's header) is a product with one variant. Both go through the same validation as POST /products.
 * CSV columns: slug, name, description, status, taxCategory, categoryIds (separated by ';'), sku, currency, amount,
 * compareAtAmount, weightGrams; and per other locale of the shop {@code slug.<tag>}, {@code name.<tag>},
 * {@code description.<tag>} (e.g. {@code name.fr}, {@code description.pl}).
 */
@ApplicationScoped
public class ImportLineParser implements ImportJobs.LineParser {

    static final List<String> CSV_COLUMNS = List.of("slug", "name", "description", "status", "taxCategory", "categoryIds",
            "sku", "currency", "amount", "compareAtAmount", "weightGrams");
    /** The columns that take a locale: {@code name.fr}. */
    static final List<String> TRANSLATED_COLUMNS = List.of("slug", "name", "description");

    private final ObjectMapper json;
    private final Validator validator;
    private final ShopLocales locales;

    public ImportLineParser(ObjectMapper json, Validator validator, ShopLocales locales) {
        this.json = json;
        this.validator = validator;
        this.locales = locales;
    }

    @Override
    public ProductDraft parse(ImportJob.Format format, String header, String line) {
        ProductRequests.Definition definition = format == ImportJob.Format.JSONL ? fromJson(line) : fromCsv(header, line);
        Set<ConstraintViolation<ProductRequests.Definition>> violations = validator.validate(definition);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return definition.toDraft(locales);
    }

    private ProductRequests.Definition fromJson(String line) {
        try {
            return json.readValue(line, ProductRequests.Definition.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-line", "not a product definition: " + e.getOriginalMessage());
        }
    }

    private ProductRequests.Definition fromCsv(String header, String line) {
        List<String> names = csv(header);
        List<String> values = csv(line);
        if (values.size() != names.size()) {
            throw ProblemException.badRequest("malformed-line", "has " + values.size() + " fields, the header " + names.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values.get(i).isEmpty() ? null : values.get(i));
        }
        try {
            List<UUID> categories = row.get("categoryIds") == null ? List.of()
                    : Arrays.stream(row.get("categoryIds").split(";")).map(String::trim).map(UUID::fromString).toList();
            List<ProductRequests.Price> prices = row.get("currency") == null ? List.of()
                    : List.of(new ProductRequests.Price(row.get("currency"), row.get("amount"), row.get("compareAtAmount")));
            ProductRequests.VariantDefinition variant = new ProductRequests.VariantDefinition(row.get("sku"), Map.of(),
                    row.get("weightGrams") == null ? null : Integer.valueOf(row.get("weightGrams")), true, prices);
            return new ProductRequests.Definition(row.get("slug"), row.get("name"), row.get("description"),
                    row.get("status") == null ? null : ProductStatus.valueOf(row.get("status").toUpperCase(Locale.ROOT)),
                    row.get("taxCategory"), Map.of(), categories, List.of(), List.of(), List.of(variant), translations(row));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed-line", "a value is not readable: " + e.getMessage());
        }
    }

    /** The translations in a row's {@code <column>.<tag>} fields; a locale whose fields are all empty has none. */
    private static Map<String, ProductRequests.Translation> translations(Map<String, String> row) {
        Map<String, Map<String, String>> byLocale = new java.util.TreeMap<>();
        row.forEach((column, value) -> {
            int dot = column.indexOf('.');
            if (dot > 0 && value != null) {
                String field = column.substring(0, dot);
                if (!TRANSLATED_COLUMNS.contains(field)) {
                    throw ProblemException.badRequest("malformed-line", "column " + column + " is not one that takes a locale "
                            + TRANSLATED_COLUMNS);
                }
                byLocale.computeIfAbsent(column.substring(dot + 1), tag -> new HashMap<>()).put(field, value);
            }
        });
        Map<String, ProductRequests.Translation> translations = new java.util.TreeMap<>();
        byLocale.forEach((tag, fields) -> translations.put(tag,
                new ProductRequests.Translation(fields.get("slug"), fields.get("name"), fields.get("description"), Map.of())));
        return translations;
    }

    /** The fields of a CSV row (RFC 4180: commas, double quotes, "" inside quotes). */
    static List<String> csv(String row) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
