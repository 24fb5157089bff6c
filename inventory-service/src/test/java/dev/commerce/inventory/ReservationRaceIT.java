package dev.commerce.inventory;

import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.local.ServiceProcess;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.PackagedService;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestKafka;
import dev.commerce.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two packaged inventory instances, each in its own JVM, on one database and in one consumer group: orders racing
 * for the same units through the API of both instances and through order events never oversell, and each due
 * reservation is expired exactly once while both run the expiry job.
 */
class ReservationRaceIT {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment();
    private static final Map<String, String> FAST_EXPIRY = Map.of("COMMERCE_INVENTORY_RESERVATIONS_EXPIRY_INTERVAL", "1s");
    private static String database;
    private static ServiceProcess first;
    private static ServiceProcess second;
    private static EventProbe answers;

    @BeforeAll
    static void startTwoInstances() {
        POSTGRES.requireReachable();
        database = "commerce_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        POSTGRES.ensureDatabase(database);
        TestEvents.ensureTopic("order.v1");
        first = PackagedService.start("inventory-a", MODULE, database, FAST_EXPIRY);
        second = PackagedService.start("inventory-b", MODULE, database, FAST_EXPIRY);
        answers = EventProbe.of("inventory.reservation.v1");
        awaitBothInstancesConsumingOrders();
    }

    /** Both instances are members of the order consumer group, each with partitions of order.v1 of its own. */
    private static void awaitBothInstancesConsumingOrders() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            await().atMost(DEADLINE).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("inventory-service.orders"))
                        .describedGroups().get("inventory-service.orders").get();
                return group.members().size() == 2
                        && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });
        }
    }

    @AfterAll
    static void stop() {
        if (answers != null) {
            answers.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        POSTGRES.dropDatabase(database);
    }

    private static RequestSpecification as(ServiceProcess instance, String token) {
        return given().baseUri(instance.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String warehouse(int priority) {
        String code = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return as(first, TestTokens.admin()).body("{\"code\":\"" + code + "\",\"name\":\"W\",\"country\":\"DE\",\"priority\":" + priority + "}")
                .post("/warehouses").then().statusCode(201).extract().path("id");
    }

    private static void receive(String sku, String warehouseId, int units) {
        as(first, TestTokens.admin()).body("{\"quantity\":" + units + "}")
                .post("/stock/" + sku + "/warehouses/" + warehouseId + "/receipts").then().statusCode(200);
    }

    private static String orderPlaced(String orderId, String sku) {
        return """
                {"orderId":"%s","orderNumber":"C-1","cartId":"%s","customerId":"racer","lines":[{"sku":"%s","quantity":1,
                 "unitPrice":{"amount":"5.00","currency":"EUR"},"lineTotal":{"amount":"5.00","currency":"EUR"}}],
                 "totals":{"subtotal":"5.00","discount":"0.00","shipping":"0.00","tax":"0.00","grandTotal":"5.00","currency":"EUR"}}"""
                .formatted(orderId, UUID.randomUUID(), sku);
    }

    private static Connection database() throws SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", POSTGRES.user());
        credentials.setProperty("password", POSTGRES.password());
        return DriverManager.getConnection(POSTGRES.jdbcUrl(database), credentials);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void two_hundred_orders_through_both_instances_and_events_race_for_fifty_units_and_exactly_fifty_are_held()
            throws Exception {
        String sku = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String berlin = warehouse(1);
        String hamburg = warehouse(2);
        receive(sku, berlin, 30);
        receive(sku, hamburg, 20);

        List<String> apiOrders = new ArrayList<>();
        List<String> eventOrders = new ArrayList<>();
        List<Future<Integer>> apiStatuses = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(32);
        try (TestEvents orderService = TestEvents.as("order-service")) {
            for (int i = 0; i < 200; i++) {
                String orderId = UUID.randomUUID().toString();
                if (i % 2 == 0) {
                    apiOrders.add(orderId);
                    ServiceProcess instance = i % 4 == 0 ? first : second;
                    apiStatuses.add(racers.submit(() -> as(instance, TestTokens.partner()).header("Idempotency-Key", orderId)
                            .body("{\"orderId\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}")
                            .post("/reservations").then().extract().statusCode()));
                } else {
                    eventOrders.add(orderId);
                    racers.submit(() -> orderService.publish("order.v1", "commerce.order.order-placed.v1", orderId, 1,
                            orderPlaced(orderId, sku)));
                }
            }
            long heldThroughApi = 0;
            for (Future<Integer> status : apiStatuses) {
                int code = status.get();
                assertThat(code).as("reservation answer").isIn(201, 409);
                heldThroughApi += code == 201 ? 1 : 0;
            }

            Set<String> raced = new java.util.HashSet<>(apiOrders);
            raced.addAll(eventOrders);
            List<EventProbe.ReceivedEvent> outcomes = answers.awaitEvents(e -> raced.contains(e.key()), 200, DEADLINE);
            Map<String, Long> perOrder = outcomes.stream().collect(Collectors.groupingBy(EventProbe.ReceivedEvent::key, Collectors.counting()));
            assertThat(perOrder).as("one answer per order").hasSize(200).allSatisfy((order, answers) -> assertThat(answers).isEqualTo(1));
            long held = outcomes.stream().filter(e -> "commerce.inventory.stock-reserved.v1".equals(e.header("ce_type"))).count();
            long heldThroughEvents = outcomes.stream()
                    .filter(e -> eventOrders.contains(e.key()) && "commerce.inventory.stock-reserved.v1".equals(e.header("ce_type"))).count();
            assertThat(held).as("orders holding a unit").isEqualTo(50);
            assertThat(heldThroughApi + heldThroughEvents).isEqualTo(50);
            outcomes.forEach(e -> EventContracts.assertValidPayload(e.header("ce_type"), e.payload()));
        } finally {
            racers.shutdown();
        }

        as(second, TestTokens.admin()).get("/stock/" + sku).then().statusCode(200)
                .body("onHand", equalTo(50)).body("reserved", equalTo(50)).body("available", equalTo(0))
                .body("warehouses.find { it.warehouseId == '" + berlin + "' }.reserved", equalTo(30))
                .body("warehouses.find { it.warehouseId == '" + hamburg + "' }.reserved", equalTo(20));
        try (Connection db = database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM stock_item WHERE on_hand - reserved < 0")).as("items below zero").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM reservation WHERE status = 'ACTIVE'")).isEqualTo(50);
            InventoryFixtures.assertLedgerAgrees(db, sku);
        }
    }

    @Test
    void due_reservations_are_expired_exactly_once_while_both_instances_run_the_job() throws Exception {
        String sku = "EXPIRE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        receive(sku, warehouse(1), 40);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String orderId = UUID.randomUUID().toString();
            orders.add(orderId);
            as(i % 2 == 0 ? first : second, TestTokens.partner())
                    .body("{\"orderId\":\"" + orderId + "\",\"holdSeconds\":1,\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}")
                    .post("/reservations").then().statusCode(201);
        }
        List<EventProbe.ReceivedEvent> expired = answers.awaitEvents(e -> orders.contains(e.key())
                && "commerce.inventory.stock-reservation-expired.v1".equals(e.header("ce_type")), 40, DEADLINE);
        assertThat(expired.stream().map(e -> JsonPath.from(e.payload()).getString("orderId")).distinct()).hasSize(40);

        try (Connection db = database()) {
            assertThat(count(db, "SELECT COUNT(*) FROM stock_movement WHERE type = 'EXPIRY' AND sku = '" + sku + "'"))
                    .as("expiry movements").isEqualTo(40);
            InventoryFixtures.assertLedgerAgrees(db, sku);
        }
        as(first, TestTokens.admin()).get("/stock/" + sku).then().body("reserved", equalTo(0)).body("available", equalTo(40));
        assertThat(answers.received().stream().filter(e -> orders.contains(e.key())
                && "commerce.inventory.stock-reservation-expired.v1".equals(e.header("ce_type")))).hasSize(40);
    }
}
