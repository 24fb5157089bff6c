package dev.commerce.platform.testing;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every service's HTTP edge must do, run against the real service (PostgreSQL and Kafka included).
 * A service's test extends it, annotates itself {@code @QuarkusTest} and
 * {@code @QuarkusTestResource(CommerceTestResource.class)} (Quarkus finds test resources only on the service's own
 * test classes), and describes its endpoints as an {@link Edge}.
 */
public abstract class HttpEdgeContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** {@code commerce.topics."<topic>".compacted}: a topic the service produces. */
    private static final Pattern TOPIC_PROPERTY = Pattern.compile("commerce\\.topics\\.\"?([^\"]+)\"?\\.compacted");

    /**
     * What a service names for the contract: its OpenAPI title; a path that needs a role, with its method and a
     * valid body (fresh per call; null for GET), a token with the role and one with a wrong role; a POST path that
     * creates something from JSON (null where the service has none yet: the body tests are then skipped); and a
     * GET list path with cursor paging.
     */
    public record Edge(String openApiTitle, String protectedMethod, String protectedPath,
                          Supplier<String> protectedBody, Supplier<String> tokenWithRole,
                          Supplier<String> tokenWithWrongRole, String creatingPath, String listPath) {

        /** A protected GET list that is also the list path. */
        public static Edge protectedList(String openApiTitle, String listPath, Supplier<String> tokenWithRole,
                                         Supplier<String> tokenWithWrongRole, String creatingPath) {
            return new Edge(openApiTitle, "GET", listPath, () -> null, tokenWithRole, tokenWithWrongRole, creatingPath, listPath);
        }
    }

    private final Edge edge;

    protected HttpEdgeContract(Edge edge) {
        this.edge = edge;
    }

    private String openApiTitle() {
        return edge.openApiTitle();
    }

    private String tokenWithRole() {
        return edge.tokenWithRole().get();
    }

    private String creatingPath() {
        return edge.creatingPath();
    }

    private String listPath() {
        return edge.listPath();
    }

    @Test
    void is_ready_when_its_database_is() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void is_live() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reports_kafka_connectivity_outside_readiness() {
        given().when().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }

    @Test
    void serves_its_openapi_document() {
        given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200)
                .body("openapi", startsWith("3.1"))
                .body("info.title", equalTo(openApiTitle()))
                .body("info.version", notNullValue())
                .body("info.description", notNullValue());
    }

    @Test
    void its_openapi_document_is_ready_for_client_generators() throws Exception {
        String document = given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(OpenApiContract.violationsOf(new com.fasterxml.jackson.databind.ObjectMapper().readTree(document)))
                .as("what keeps the OpenAPI document from generating a good client").isEmpty();
    }

    @Test
    void describes_itself_at_its_root() {
        given().when().get("/").then().statusCode(200)
                .body("title", equalTo(openApiTitle()))
                .body("links.openapi", equalTo("/q/openapi"));
    }

    @Test
    void serves_swagger_ui() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void serves_prometheus_metrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    private io.restassured.response.ValidatableResponse callProtected(String token) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        String body = edge.protectedBody().get();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(edge.protectedMethod(), edge.protectedPath()).then();
    }

    @Test
    void answers_401_with_a_problem_without_a_token() {
        callProtected(null).statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void answers_401_for_a_token_it_does_not_trust() {
        callProtected(TestTokens.foreign()).statusCode(401).contentType(PROBLEM_JSON);
        callProtected(TestTokens.expired()).statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void answers_403_for_the_wrong_role() {
        callProtected(edge.tokenWithWrongRole().get()).statusCode(403)
                .contentType(PROBLEM_JSON).body("status", equalTo(403));
    }

    @Test
    void succeeds_for_the_right_role() {
        callProtected(tokenWithRole()).statusCode(org.hamcrest.Matchers.both(
                org.hamcrest.Matchers.greaterThanOrEqualTo(200)).and(org.hamcrest.Matchers.lessThan(300)));
    }

    @Test
    void answers_a_malformed_query_parameter_with_a_problem() {
        given().auth().oauth2(tokenWithRole()).queryParam("limit", "ten").when().get(listPath()).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("type", equalTo("https://commerce.dev/problems/invalid-parameter"));
        given().auth().oauth2(tokenWithRole()).queryParam("limit", 0).when().get(listPath()).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void answers_malformed_json_with_a_problem() {
        assumeTrue(creatingPath() != null, "no creating endpoint yet");
        given().auth().oauth2(tokenWithRole()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post(creatingPath()).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://commerce.dev/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("requestId", notNullValue())
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void answers_a_wrong_media_type_with_a_problem() {
        assumeTrue(creatingPath() != null, "no creating endpoint yet");
        given().auth().oauth2(tokenWithRole()).contentType(ContentType.XML).body("<a/>")
                .when().post(creatingPath()).then().statusCode(415).contentType(PROBLEM_JSON);
    }

    /** The service's configured body limit (quarkus.http.limits.max-body-size, e.g. "1M"). */
    private static int bodyLimitBytes() {
        String size = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", String.class).orElse("10M").trim().toUpperCase();
        char unit = size.charAt(size.length() - 1);
        long factor = switch (unit) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        return Math.toIntExact(Long.parseLong(digits) * factor);
    }

    @Test
    void answers_an_oversized_body_with_a_problem() {
        assumeTrue(creatingPath() != null, "no creating endpoint yet");
        String overLimit = "{\"name\":\"" + "x".repeat(bodyLimitBytes() + 1024 * 1024) + "\"}";
        given().auth().oauth2(tokenWithRole()).contentType(ContentType.JSON).body(overLimit)
                .when().post(creatingPath()).then().statusCode(413).contentType(PROBLEM_JSON);
    }

    @Test
    void answers_an_unknown_route_with_a_problem() {
        given().when().get("/no-such-resource/42").then().statusCode(404)
                .contentType(PROBLEM_JSON).body("status", equalTo(404)).body("requestId", notNullValue());
    }

    @Test
    void echoes_the_callers_request_id() {
        given().header("X-Request-Id", "storefront-7f3a").when().get("/no-such-resource").then()
                .header("X-Request-Id", equalTo("storefront-7f3a"))
                .body("requestId", equalTo("storefront-7f3a"));
    }

    @Test
    void generates_a_request_id_when_absent() {
        given().when().get("/q/health/live").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void creates_the_topics_it_produces_with_their_cleanup_policy() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> policies = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher topic = TOPIC_PROPERTY.matcher(name);
            if (topic.matches()) {
                policies.put(topic.group(1), config.getValue(name, Boolean.class) ? "compact" : "delete");
            }
        }
        assumeTrue(!policies.isEmpty(), "this service produces no topics yet");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var expected : policies.entrySet()) {
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, expected.getKey());
                    String policy = admin.describeConfigs(Set.of(resource)).all().get(10, TimeUnit.SECONDS)
                            .get(resource).get("cleanup.policy").value();
                    assertThat(policy).as(expected.getKey()).isEqualTo(expected.getValue());
                }
            });
        }
    }

    @Test
    void allows_configured_browser_origins_and_the_headers_a_storefront_sends() {
        String allowed = given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "prefer,if-match,idempotency-key,x-request-id")
                .when().options(listPath()).then()
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
                .extract().header("Access-Control-Allow-Headers").toLowerCase();
        assertThat(allowed).contains("prefer", "if-match", "idempotency-key", "x-request-id");
    }

    @Test
    void exposes_the_response_headers_a_browser_storefront_reads() {
        String exposed = given().header("Origin", "http://localhost:3000").when().get("/q/health/live").then()
                .extract().header("Access-Control-Expose-Headers");
        assertThat(exposed).isNotNull();
        assertThat(exposed.toLowerCase()).contains("etag", "location", "retry-after", "preference-applied", "x-request-id");
    }

    @Test
    void answers_an_undecodable_query_with_a_problem() throws java.io.IOException {
        // HTTP clients refuse to send "%" unescaped; a hand-written request line does, as a careless script would
        String response = rawGet(listPath() + "?limit=%", tokenWithRole());
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response.toLowerCase()).contains("content-type: " + PROBLEM_JSON);
        assertThat(response).contains("\"status\":400");
    }

    /** The whole response to a GET sent as written, over a plain socket. */
    private static String rawGet(String pathAndQuery, String token) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void answers_an_overlong_url_with_a_problem() {
        given().auth().oauth2(tokenWithRole()).queryParam("q", "x".repeat(6000)).when().get(listPath()).then()
                .statusCode(414).contentType(PROBLEM_JSON).body("status", equalTo(414));
    }

    @Test
    void checks_the_token_before_the_media_type() {
        given().contentType(ContentType.XML).body("<a/>")
                .when().request(edge.protectedMethod(), edge.protectedPath()).then()
                .statusCode(401).contentType(PROBLEM_JSON);
    }
}
