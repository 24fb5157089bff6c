package dev.commerce.platform.web.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Names schemas the scanner could only number after what holds them. The scanner names a type by its simple class
 * name and numbers the clashes ({@code Status}, {@code Status1}, {@code Address1}), which generated clients turn into
 * meaningless types; such a schema (and an enum with a bare generic name) is renamed after the first schema property
 * that holds it ({@code Reservation.status} -> {@code ReservationStatus}), so domain types need no documentation
 * annotations.
 */
final class SchemaNames {

    private static final String PREFIX = "#/components/schemas/";
    private static final Pattern NUMBERED = Pattern.compile(".*\\d$");
    private static final Set<String> GENERIC = Set.of("Status", "Type", "Kind", "Format", "Outcome", "Risk", "State", "Reason");

    private SchemaNames() {
    }

    static void rename(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, String> renames = new LinkedHashMap<>();
        new TreeMap<>(schemas).forEach((owner, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            schema.getProperties().forEach((property, value) -> {
                String enumName = referencedName(value);
                if (enumName != null && !renames.containsKey(enumName) && needsName(enumName, schemas.get(enumName))) {
                    renames.put(enumName, owner + Character.toUpperCase(property.charAt(0)) + property.substring(1));
                }
            });
        });
        renames.forEach((from, to) -> {
            if (schemas.containsKey(to)) {
                throw new IllegalStateException("cannot rename schema " + from + " to " + to + ": the name is taken");
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> renamed.put(renames.getOrDefault(name, name), schema));
        openAPI.getComponents().setSchemas(renamed);
        Consumer<Schema> rewrite = schema -> {
            String name = schema.getRef() == null ? null : schema.getRef().replace(PREFIX, "");
            if (name != null && renames.containsKey(name)) {
                schema.setRef(PREFIX + renames.get(name));
            }
        };
        renamed.values().forEach(schema -> visit(schema, rewrite));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    visit(operation, rewrite);
                }
            }
        }
    }

    private static boolean needsName(String name, Schema schema) {
        return schema != null && (NUMBERED.matcher(name).matches() || schema.getEnumeration() != null && GENERIC.contains(name));
    }

    /** The component a property refers to, directly, as array items, or as the one non-null part of a composition. */
    private static String referencedName(Schema property) {
        if (property.getRef() != null) {
            return property.getRef().replace(PREFIX, "");
        }
        if (property.getItems() != null && property.getItems().getRef() != null) {
            return property.getItems().getRef().replace(PREFIX, "");
        }
        List<Schema> parts = new ArrayList<>();
        if (property.getAllOf() != null) {
            parts.addAll(property.getAllOf());
        }
        if (property.getAnyOf() != null) {
            parts.addAll(property.getAnyOf());
        }
        if (property.getOneOf() != null) {
            parts.addAll(property.getOneOf());
        }
        return parts.stream().filter(part -> part.getRef() != null).map(part -> part.getRef().replace(PREFIX, ""))
                .findFirst().orElse(null);
    }

    private static void visit(Operation operation, Consumer<Schema> action) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                visit(parameter.getSchema(), action);
            }
        }
        if (operation.getRequestBody() != null) {
            visit(operation.getRequestBody().getContent(), action);
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                visit(response.getContent(), action);
            }
        }
    }

    private static void visit(Content content, Consumer<Schema> action) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType mediaType : content.getMediaTypes().values()) {
                visit(mediaType.getSchema(), action);
            }
        }
    }

    private static void visit(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> visit(property, action));
        }
        visit(schema.getItems(), action);
        visit(schema.getAdditionalPropertiesSchema(), action);
        for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (parts != null) {
                parts.forEach(part -> visit(part, action));
            }
        }
    }
}
