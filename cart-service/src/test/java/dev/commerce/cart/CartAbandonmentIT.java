package dev.commerce.cart;

import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.local.ServiceProcess;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.PackagedService;
import dev.commerce.platform.testing.TestEvents;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged cart instances, each in its own JVM, on one database, both running the abandonment job every second:
 * each inactive cart is announced exactly once per period of inactivity.
 */
class CartAbandonmentIT {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment();
    private static final Map<String, String> FAST_ABANDONMENT = Map.of(
            "COMMERCE_CART_ABANDONED_AFTER", "PT2S", "COMMERCE_CART_ABANDONMENT_INTERVAL", "1s");
    private static final String ABANDONED = "commerce.cart.cart-abandoned.v1";
    private static String database;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void startTwoInstances() {
        POSTGRES.requireReachable();
        database = "commerce_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        POSTGRES.ensureDatabase(database);
        TestEvents.ensureTopic("catalog.product.v1");
        TestEvents.ensureTopic("inventory.stock-level.v1");
        TestEvents.ensureTopic("order.v1");
        TestEvents.ensureTopic("cart.v1");
        first = PackagedService.start("cart-a", MODULE, database, FAST_ABANDONMENT);
        second = PackagedService.start("cart-b", MODULE, database, FAST_ABANDONMENT);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        POSTGRES.dropDatabase(database);
    }

    @Test
    void each_inactive_cart_is_announced_once_with_two_instances_running_the_job() {
        String productId = UUID.randomUUID().toString();
        String sku = "AB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (TestEvents catalog = TestEvents.as("catalog-service"); TestEvents inventory = TestEvents.as("inventory-service")) {
            catalog.publish("catalog.product.v1", "commerce.catalog.product-upserted.v1", productId, 1, """
                    {"productId":"%s","slug":"ab","name":"Abandoned","status":"ACTIVE","taxCategory":"standard",
                     "variants":[{"variantId":"%s","sku":"%s","prices":[{"amount":"9.00","currency":"EUR"}],"active":true}]}"""
                    .formatted(productId, UUID.randomUUID(), sku));
            inventory.publish("inventory.stock-level.v1", "commerce.inventory.stock-level-changed.v1", sku, 1,
                    "{\"sku\":\"" + sku + "\",\"onHand\":1000,\"reserved\":0,\"available\":1000,\"status\":\"IN_STOCK\"}");
        }
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ServiceProcess instance = i % 2 == 0 ? first : second;
            String cart = given().baseUri(instance.baseUrl()).contentType(ContentType.JSON).body("{\"currency\":\"EUR\"}")
                    .post("/carts").then().statusCode(201).extract().path("id");
            Awaitility.await("the read models to hold the SKU").atMost(Duration.ofSeconds(60)).until(() ->
                    given().baseUri(instance.baseUrl()).contentType(ContentType.JSON)
                            .body("{\"sku\":\"" + sku + "\",\"quantity\":1}").post("/carts/" + cart + "/items").statusCode() == 201);
            carts.add(cart);
        }

        try (EventProbe probe = EventProbe.of("cart.v1")) {
            probe.awaitEvents(e -> carts.contains(e.key()) && ABANDONED.equals(e.header("ce_type")), 30, Duration.ofSeconds(60));
            // both instances keep running the job every second: for 5 s more, still exactly one per cart
            Awaitility.await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Long> perCart = probe.received().stream()
                        .filter(e -> carts.contains(e.key()) && ABANDONED.equals(e.header("ce_type")))
                        .collect(Collectors.groupingBy(EventProbe.ReceivedEvent::key, Collectors.counting()));
                return perCart.size() == 30 && perCart.values().stream().allMatch(count -> count == 1);
            });
            Map<String, String> sources = probe.received().stream()
                    .filter(e -> carts.contains(e.key()) && ABANDONED.equals(e.header("ce_type")))
                    .collect(Collectors.toMap(EventProbe.ReceivedEvent::key, e -> e.header("ce_source"), (a, b) -> a));
            assertThat(sources.values()).containsOnly("cart-service");
        }
    }
}
