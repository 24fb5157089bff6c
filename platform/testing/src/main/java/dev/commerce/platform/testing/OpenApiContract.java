package dev.commerce.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an OpenAPI document generate a good client and a useful Swagger UI, checked on a service's document:
 * a unique operationId on every operation, schema names that say what they are (no {@code Status1}, no bare
 * {@code Type}), a description on every parameter, a declared success response with a schema, and an example for
 * every JSON body (given on the body, or on each of its properties, as Swagger UI composes it).
 */
public final class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> GENERIC_NAMES = Set.of("Status", "Type", "Kind", "Format", "Outcome", "Count", "Risk");
    private static final Set<String> SELF_EXPLAINING_FORMATS = Set.of("uuid", "date-time", "date", "uri");
    private static final Pattern NUMBERED_NAME = Pattern.compile(".*\\d$");

    private final JsonNode document;
    private final List<String> violations = new ArrayList<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** Every way the document falls short, one line each; empty when it is client-ready. */
    public static List<String> violationsOf(JsonNode document) {
        OpenApiContract contract = new OpenApiContract(document);
        contract.checkSchemaNames();
        contract.checkOperations();
        return contract.violations;
    }

    private void checkSchemaNames() {
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (NUMBERED_NAME.matcher(name).matches() || GENERIC_NAMES.contains(name)) {
                violations.add("schema name " + name + " does not say what it is (name the type with @Schema(name = ...))");
            }
        });
    }

    private void checkOperations() {
        Map<String, String> operationIds = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (METHODS.contains(operation.getKey())) {
                    checkOperation(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue(), operationIds);
                }
            }
        }
    }

    private void checkOperation(String where, JsonNode operation, Map<String, String> operationIds) {
        String operationId = operation.path("operationId").asText("");
        if (operationId.isEmpty()) {
            violations.add(where + ": no operationId");
        } else if (operationIds.putIfAbsent(operationId, where) != null) {
            violations.add(where + ": operationId " + operationId + " is also " + operationIds.get(operationId) + "'s");
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("description").asText("").isBlank()) {
                violations.add(where + ": parameter " + parameter.path("name").asText() + " has no description");
            }
        }
        operation.path("requestBody").path("content").fields().forEachRemaining(body -> {
            if (body.getKey().contains("json") && !hasExample(body.getValue())) {
                violations.add(where + ": the " + body.getKey() + " request body has no example");
            }
        });
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            response.getValue().path("content").fields().forEachRemaining(body -> {
                if (!body.getKey().contains("json")) {
                    return;
                }
                if (body.getValue().path("schema").isEmpty()) {
                    violations.add(where + ": the " + response.getKey() + " response has no schema");
                } else if (!hasExample(body.getValue())) {
                    violations.add(where + ": the " + response.getKey() + " response has no example");
                }
            });
        }
        if (!success) {
            violations.add(where + ": no success response declared");
        }
    }

    private boolean hasExample(JsonNode mediaType) {
        return mediaType.has("example") || mediaType.has("examples") || schemaHasExample(mediaType.path("schema"), Set.of());
    }

    private boolean schemaHasExample(JsonNode schema, Set<String> visiting) {
        if (schema.has("examples") || schema.has("example")) {
            return true; // also beside a $ref, as OpenAPI 3.1 allows
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (visiting.contains(name)) {
                return true;
            }
            Set<String> deeper = new java.util.HashSet<>(visiting);
            deeper.add(name);
            return schemaHasExample(document.path("components").path("schemas").path(name), deeper);
        }
        if (schema.has("examples") || schema.has("example") || schema.has("enum") || schema.has("const")
                || SELF_EXPLAINING_FORMATS.contains(schema.path("format").asText())) {
            return true;
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(composition)) {
                for (JsonNode part : schema.get(composition)) {
                    if (!"null".equals(part.path("type").asText()) && !schemaHasExample(part, visiting)) {
                        return false;
                    }
                }
                return true;
            }
        }
        String type = typeOf(schema);
        switch (type) {
            case "boolean":
                return true;
            case "array":
                return schemaHasExample(schema.path("items"), visiting);
            case "object": {
                if (schema.path("properties").isEmpty()) {
                    return schema.path("additionalProperties").isObject()
                            && schemaHasExample(schema.path("additionalProperties"), visiting);
                }
                for (JsonNode property : schema.path("properties")) {
                    if (!schemaHasExample(property, visiting)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return false;
        }
    }

    /** The schema's type, {@code ["string","null"]} read as string; properties without a type read as object. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "";
    }
}
