package dev.commerce.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The event catalog is a valid AsyncAPI 3.0 document and every payload schema is valid and agrees with it. */
class ContractsTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("user.dir"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_asyncapi_document_is_valid_against_the_asyncapi_3_0_schema() throws IOException {
        Schema asyncApiSchema;
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi-3.0.0.schema.json")) {
            asyncApiSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema, InputFormat.JSON);
        }
        List<Error> errors = asyncApiSchema.validate(Files.readString(CONTRACTS.resolve("asyncapi.yaml")), InputFormat.YAML);
        assertThat(errors).isEmpty();
    }

    private static final String SCHEMA_IDS = "https://commerce.dev/schemas/";

    @Test
    void every_payload_schema_is_a_valid_json_schema_and_accepts_its_example() throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Path> schemas = schemaFiles();
        assertThat(schemas).hasSize(41);
        for (Path file : schemas) {
            String text = Files.readString(file);
            assertThat(metaSchema.validate(text, InputFormat.JSON)).as("%s against the 2020-12 meta-schema", file).isEmpty();
            Schema schema = registry().getSchema(text, InputFormat.JSON);
            JsonNode examples = JSON.readTree(text).get("examples");
            assertThat(examples).as("%s has an example", file).isNotNull().isNotEmpty();
            for (JsonNode example : examples) {
                assertThat(schema.validate(example.toString(), InputFormat.JSON)).as("example of %s", file).isEmpty();
            }
        }
    }

    @Test
    void every_message_names_its_ce_type_and_source_and_points_at_an_existing_schema() throws IOException {
        JsonNode document = YAML.readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
        Set<String> referencedSchemas = new HashSet<>();
        document.get("components").get("messages").forEach(message -> {
            String ceType = message.get("name").asText();
            assertThat(ceType).matches("commerce\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
            JsonNode ownHeaders = message.get("headers").get("allOf").get(1).get("properties");
            assertThat(ownHeaders.get("ce_type").get("const").asText()).isEqualTo(ceType);
            String area = ceType.split("\\.")[1];
            assertThat(ownHeaders.get("ce_source").get("const").asText()).isEqualTo(area + "-service");
            String schemaRef = message.get("payload").get("$ref").asText();
            assertThat(CONTRACTS.resolve(schemaRef)).as("schema of %s", ceType).isRegularFile();
            assertThat(schemaRef).isEqualTo("./schemas/" + area + "/" + ceType.split("\\.")[2] + ".v1.json");
            referencedSchemas.add(CONTRACTS.resolve(schemaRef).normalize().toString());
        });
        // the other schemas are documents payloads embed ($ref by $id), such as the cart's checkout snapshot
        for (Path file : schemaFiles()) {
            JSON.readTree(file.toFile()).findValues("$ref").forEach(ref -> {
                assertThat(ref.asText()).as("$ref in %s", file).startsWith(SCHEMA_IDS);
                referencedSchemas.add(CONTRACTS.resolve("schemas").resolve(ref.asText().substring(SCHEMA_IDS.length())).normalize().toString());
            });
        }
        List<String> files = new ArrayList<>(schemaFiles().stream().map(p -> p.normalize().toString()).toList());
        assertThat(referencedSchemas).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void compacted_topics_are_the_ones_the_architecture_names() throws IOException {
        JsonNode channels = YAML.readTree(CONTRACTS.resolve("asyncapi.yaml").toFile()).get("channels");
        Set<String> compacted = new HashSet<>();
        channels.forEach(channel -> {
            if ("compact".equals(channel.get("bindings").get("kafka").get("topicConfiguration").get("cleanup.policy").get(0).asText())) {
                compacted.add(channel.get("address").asText());
            }
        });
        assertThat(compacted).containsExactlyInAnyOrder("catalog.product.v1", "catalog.category.v1", "inventory.stock-level.v1",
                "customer.v1");
    }

    @Test
    void the_java_constants_name_exactly_the_topics_and_event_types_of_the_document() throws Exception {
        JsonNode document = YAML.readTree(CONTRACTS.resolve("asyncapi.yaml").toFile());
        Set<String> types = new HashSet<>();
        document.get("components").get("messages").forEach(message -> types.add(message.get("name").asText()));
        Set<String> addresses = new HashSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(constants(EventTypes.class)).containsExactlyInAnyOrderElementsOf(types);
        assertThat(constants(Topics.class)).containsExactlyInAnyOrderElementsOf(addresses);
    }

    private static List<String> constants(Class<?> holder) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (java.lang.reflect.Field field : holder.getFields()) {
            values.add((String) field.get(null));
        }
        return values;
    }

    /** Schema ids ($id, $ref) resolve to the files of contracts/schemas, never to the network. */
    private static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaIdResolvers(
                resolvers -> resolvers.mapPrefix(SCHEMA_IDS, CONTRACTS.resolve("schemas").toUri().toString())));
    }

    private static List<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CONTRACTS.resolve("schemas"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
