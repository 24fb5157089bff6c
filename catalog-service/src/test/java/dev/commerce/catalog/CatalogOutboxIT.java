package dev.commerce.catalog;

import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.local.ServiceProcess;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.PackagedService;
import dev.commerce.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged catalog service as separate processes on one database: an instance killed with SIGKILL after a
 * commit publishes on restart, and two instances publishing at once keep each aggregate's order.
 */
class CatalogOutboxIT {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment();
    private static String database;

    @BeforeAll
    static void createDatabase() {
        POSTGRES.requireReachable();
        database = "commerce_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        POSTGRES.ensureDatabase(database);
    }

    @AfterAll
    static void dropDatabase() {
        POSTGRES.dropDatabase(database);
    }

    private static RequestSpecification asAdmin(ServiceProcess service) {
        return given().baseUri(service.baseUrl()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    @Test
    void an_instance_killed_after_commit_and_before_publishing_publishes_on_restart() {
        String slug = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String id;
        ServiceProcess holdingBack = PackagedService.start("catalog-crash", MODULE, database,
                Map.of("COMMERCE_OUTBOX_RELAY_ENABLED", "false"));
        try {
            id = asAdmin(holdingBack).body("{\"name\":\"Crash\",\"slug\":\"" + slug + "\"}").post("/categories")
                    .then().statusCode(201).extract().path("id");
        } finally {
            holdingBack.kill(); // SIGKILL: the event is committed in the outbox, never sent
        }

        try (ServiceProcess restarted = PackagedService.start("catalog-restarted", MODULE, database, Map.of());
             EventProbe probe = EventProbe.of("catalog.category.v1")) {
            EventProbe.ReceivedEvent event = probe.awaitEvent(e -> id.equals(e.key()), DEADLINE);
            assertThat(event.header("ce_type")).isEqualTo("commerce.catalog.category-upserted.v1");
            assertThat(event.payload()).contains(slug);
            assertThat(restarted.isAlive()).isTrue();
        }
    }

    @Test
    void two_instances_publishing_at_once_keep_each_aggregates_order() throws Exception {
        int aggregates = 8;
        int renames = 12;
        try (ServiceProcess first = PackagedService.start("catalog-a", MODULE, database, Map.of());
             ServiceProcess second = PackagedService.start("catalog-b", MODULE, database, Map.of())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < aggregates; i++) {
                ids.add(asAdmin(first).body("{\"name\":\"Order 0\",\"slug\":\"order-" + UUID.randomUUID().toString().substring(0, 8) + "\"}")
                        .post("/categories").then().statusCode(201).extract().path("id"));
            }
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < aggregates; i++) {
                    String id = ids.get(i);
                    done.add(writers.submit(() -> {
                        for (int n = 1; n <= renames; n++) {
                            ServiceProcess instance = n % 2 == 0 ? first : second; // alternate instances per write
                            asAdmin(instance).header("If-Match", "*").body("{\"name\":\"Order " + n + "\"}").put("/categories/" + id)
                                    .then().statusCode(200);
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
            }

            try (EventProbe probe = EventProbe.of("catalog.category.v1")) {
                List<EventProbe.ReceivedEvent> events = probe.awaitEvents(e -> ids.contains(e.key()),
                        aggregates * (renames + 1), DEADLINE);
                Map<String, List<Long>> sequences = new HashMap<>();
                Map<String, List<String>> names = new HashMap<>();
                for (EventProbe.ReceivedEvent event : events) {
                    sequences.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(Long.parseLong(event.header("ce_sequence")));
                    names.computeIfAbsent(event.key(), k -> new ArrayList<>())
                            .add(io.restassured.path.json.JsonPath.from(event.payload()).getString("name"));
                }
                List<Long> expected = java.util.stream.LongStream.rangeClosed(1, renames + 1).boxed().toList();
                List<String> expectedNames = java.util.stream.IntStream.rangeClosed(0, renames).mapToObj(n -> "Order " + n).toList();
                for (String id : ids) {
                    assertThat(sequences.get(id)).as("sequence of %s in partition order", id).isEqualTo(expected);
                    assertThat(names.get(id)).as("states of %s in partition order", id).isEqualTo(expectedNames);
                }
            }
        }
    }
}
