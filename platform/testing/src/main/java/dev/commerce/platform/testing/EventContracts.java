package dev.commerce.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The event contracts of {@code contracts/} (on the classpath under {@code contracts/}): a producer's tests check
 * that each event it emits is in the catalog with its exact {@code ce_type} and {@code ce_source}, and that its
 * payload is valid against the event's JSON Schema.
 */
public final class EventContracts {

    private static final Pattern CE_TYPE = Pattern.compile("commerce\\.([a-z]+)\\.([a-z]+(?:-[a-z]+)*)\\.v([1-9][0-9]*)");
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /** Schema ids ($id and $ref: https://commerce.dev/schemas/...) resolve to the contracts on the classpath. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix("https://commerce.dev/schemas/",
                    "classpath:contracts/schemas/")));
    private static volatile JsonNode catalog;

    private EventContracts() {
    }

    /** Fails unless {@code payloadJson} is valid against the schema of {@code ceType}. */
    public static void assertValidPayload(String ceType, String payloadJson) {
        List<Error> errors = SCHEMAS.computeIfAbsent(ceType, EventContracts::loadSchema).validate(payloadJson, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("payload of " + ceType + " breaks its contract: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")) + "\npayload: " + payloadJson);
        }
    }

    /**
     * Fails unless {@code json} is valid against a schema of the contracts that is not an event payload, e.g.
     * {@code cart/checkout-snapshot.v1.json}.
     */
    public static void assertValidDocument(String schemaPath, String json) {
        List<Error> errors = SCHEMAS.computeIfAbsent("document:" + schemaPath,
                key -> REGISTRY.getSchema(read("contracts/schemas/" + schemaPath), InputFormat.JSON)).validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(schemaPath + " refuses the document: "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")) + "\ndocument: " + json);
        }
    }

    /** Fails unless the AsyncAPI document has a message {@code ceType} produced by {@code ceSource}. */
    public static void assertCatalogued(String ceType, String ceSource) {
        for (JsonNode message : asyncApi().get("components").get("messages")) {
            if (ceType.equals(message.get("name").asText())) {
                String source = message.get("headers").get("allOf").get(1).get("properties").get("ce_source").get("const").asText();
                if (!ceSource.equals(source)) {
                    throw new AssertionError(ceType + " is produced by " + source + " in the catalog, not by " + ceSource);
                }
                return;
            }
        }
        throw new AssertionError(ceType + " is not in the event catalog (contracts/asyncapi.yaml)");
    }

    private static Schema loadSchema(String ceType) {
        Matcher type = CE_TYPE.matcher(ceType);
        if (!type.matches()) {
            throw new AssertionError("not a catalog event type: " + ceType);
        }
        String resource = "contracts/schemas/" + type.group(1) + "/" + type.group(2) + ".v" + type.group(3) + ".json";
        return REGISTRY.getSchema(read(resource), InputFormat.JSON);
    }

    private static JsonNode asyncApi() {
        if (catalog == null) {
            try {
                catalog = new ObjectMapper(new YAMLFactory()).readTree(read("contracts/asyncapi.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalog;
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no contract at " + resource + " (is dev.commerce:contracts on the test classpath?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
