package dev.commerce.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients generated from each service's OpenAPI document (this module's build compiled them): every operation
 * is a method named by its operationId, so a partner's code reads like the API reference.
 */
class GeneratedClientsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "cart", "order", "inventory", "payment", "customer"})
    void every_operation_is_a_client_method_named_by_its_operation_id(String service) throws Exception {
        List<String> operationIds = operationIdsOf(Path.of("..", service + "-service", "target", "openapi", "openapi.json"));
        Set<String> clientMethods = clientMethodsOf(service);

        assertThat(operationIds).as("operations of %s-service", service).isNotEmpty();
        assertThat(clientMethods).as("methods of the generated %s client", service).containsAll(operationIds);
    }

    private static List<String> operationIdsOf(Path document) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(document.toFile()).path("paths");
        return stream(paths).flatMap(path -> fieldsOf(path).stream().filter(METHODS::contains)
                .map(method -> path.get(method).path("operationId").asText()))
                .toList();
    }

    /** Public methods of the generated API classes ({@code dev.commerce.clients.<service>.api.*Api}). */
    private static Set<String> clientMethodsOf(String service) throws Exception {
        Path apiClasses = Path.of("target", "classes", "dev", "commerce", "clients", service, "api");
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(apiClasses)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[A-Za-z]+Api\\.class")).toList()) {
                String className = "dev.commerce.clients." + service + ".api." + file.getFileName().toString().replace(".class", "");
                Arrays.stream(Class.forName(className).getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                        .map(Method::getName).forEach(names::add);
            }
        }
        return names;
    }

    private static Stream<JsonNode> stream(JsonNode object) {
        return fieldsOf(object).stream().map(object::get);
    }

    private static List<String> fieldsOf(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
