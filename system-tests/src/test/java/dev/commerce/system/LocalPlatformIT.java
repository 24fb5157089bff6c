package dev.commerce.system;

import dev.commerce.platform.local.FreePorts;
import dev.commerce.platform.local.PlatformService;
import dev.commerce.platform.local.PostgresServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start command as a user runs it: the launcher brings all five packaged services to ready, every URL it prints
 * answers, SIGTERM (what Ctrl-C amounts to) leaves no process behind, and a second start keeps the first one's data.
 * Runs on its own databases (COMMERCE_DB_PREFIX) and ports, so a local platform may run beside it.
 */
class LocalPlatformIT {

    private final PlatformLauncher platforms = new PlatformLauncher();

    @AfterEach
    void cleanUp() {
        platforms.close();
    }

    @Test
    void starts_every_service_keeps_data_across_restarts_and_leaves_no_process_behind(@TempDir Path runDir) throws Exception {
        Map<String, String> ports = PlatformLauncher.freePorts();

        PlatformLauncher.Launch first = platforms.launch(runDir, ports, "--fresh");
        for (String url : first.printedUrls()) {
            given().redirects().follow(true).get(url).then().statusCode(200);
        }
        String adminToken = PlatformLauncher.tokens(runDir).get("ADMIN_TOKEN");
        String catalog = first.baseUrl("catalog-service");
        String categoryId = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"Kept\",\"slug\":\"kept-" + platforms.prefix().replace("_", "") + "\"}")
                .post(catalog + "/categories").then().statusCode(201).extract().path("id");
        aShopperFillsACartFromTheCatalogAndStock(first, adminToken);
        first.stopAndExpectNothingLeft(runDir);

        PlatformLauncher.Launch second = platforms.launch(runDir, ports);
        given().get(second.baseUrl("catalog-service") + "/categories/" + categoryId).then().statusCode(200);
        second.stopAndExpectNothingLeft(runDir);
    }

    /**
     * The storefront journey over the packaged services: a product the merchant creates in the catalog and stock
     * received in inventory reach the cart through events; a guest cart is then priced from them.
     */
    private void aShopperFillsACartFromTheCatalogAndStock(PlatformLauncher.Launch platform, String adminToken) {
        String sku = "JOURNEY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("""
                        {"slug":"journey-%s","name":"Journey shoe","status":"ACTIVE","taxCategory":"standard",
                         "variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"59.90"}]}]}"""
                        .formatted(sku.toLowerCase(), sku))
                .post(platform.baseUrl("catalog-service") + "/products").then().statusCode(201);
        String inventory = platform.baseUrl("inventory-service");
        String warehouse = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"code\":\"J-" + sku.substring(8) + "\",\"name\":\"Journey\",\"country\":\"DE\",\"priority\":1}")
                .post(inventory + "/warehouses").then().statusCode(201).extract().path("id");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"quantity\":5,\"reference\":\"PO-J\"}")
                .post(inventory + "/stock/" + sku + "/warehouses/" + warehouse + "/receipts").then().statusCode(200);

        String cartService = platform.baseUrl("cart-service");
        String cart = given().contentType(ContentType.JSON).body("{\"currency\":\"EUR\"}").post(cartService + "/carts")
                .then().statusCode(201).extract().path("id");
        // the product and its stock reach cart-service as events: wait for the add to be accepted
        Awaitility.await("catalog and stock events to reach the cart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":2}")
                        .post(cartService + "/carts/" + cart + "/items").statusCode() == 201);
        given().get(cartService + "/carts/" + cart).then().statusCode(200)
                .body("lines[0].name", org.hamcrest.Matchers.equalTo("Journey shoe"))
                .body("lines[0].unitPrice.amount", org.hamcrest.Matchers.equalTo("59.90"))
                .body("totals.grandTotal.amount", org.hamcrest.Matchers.equalTo("119.80"));
        given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":4}")
                .post(cartService + "/carts/" + cart + "/items").then().statusCode(409)
                .body("available", org.hamcrest.Matchers.equalTo(5));
    }

    @Test
    void a_service_that_cannot_start_stops_the_launch_and_shows_its_last_log_lines(@TempDir Path runDir) throws Exception {
        Map<String, String> ports = PlatformLauncher.freePorts();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ports.put("COMMERCE_CART_PORT", Integer.toString(taken.getLocalPort())); // cart-service cannot listen
            Process launcher = platforms.start(runDir, ports, "--fresh");
            assertThat(launcher.waitFor(4, TimeUnit.MINUTES)).as("the launch stops").isTrue();
            assertThat(launcher.exitValue()).isNotZero();
            String output = Files.readString(PlatformLauncher.launcherOutput(runDir));
            assertThat(output).contains("The platform did not start").contains("cart-service")
                    .contains("Last lines of").contains("in use");
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> launcher.descendants().noneMatch(ProcessHandle::isAlive));
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
