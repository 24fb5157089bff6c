package dev.commerce.system;

import dev.commerce.platform.local.FreePorts;
import dev.commerce.platform.local.PlatformService;
import dev.commerce.platform.local.ServiceProcess;
import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.PersonalDataSearch;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Checkout as a storefront and a back office call it, over HTTP only, against the six packaged services on real
 * PostgreSQL and one real broker, started once for these scenarios: the merchant sets up catalog, stock, tax and
 * shipping; shoppers fill carts and check out; inventory and payment react to the order's events for real.
 */
class CheckoutJourneyIT {

    private static final Duration DEADLINE = Shop.DEADLINE;
    private static final Duration RESERVATION_LIFETIME = Duration.ofSeconds(30);
    private static final PlatformLauncher PLATFORMS = new PlatformLauncher();
    @TempDir
    static Path runDir;
    private static PlatformLauncher.Launch platform;
    private static Shop shop;
    private static Mailer mailer;
    private static String kafkaPort;
    private static TraceCollector collector;

    @BeforeAll
    static void startThePlatformAndSetUpTheShop() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Map<String, String> environment = PlatformLauncher.freePorts();
        // reservations lapse after 30 s here (15 min in production), so a test can watch one expire before its payment
        environment.put("COMMERCE_INVENTORY_RESERVATIONS_LIFETIME", RESERVATION_LIFETIME.toString());
        environment.put("COMMERCE_INVENTORY_RESERVATIONS_EXPIRY_INTERVAL", "1s");
        // so a provider that timed out (tok_timeout) is asked again well within that lifetime (PT30S in production,
        // where the payment deadline is 10 min)
        environment.put("COMMERCE_PAYMENT_PENDING_RETRY_AFTER", "PT3S");
        environment.put("COMMERCE_PAYMENT_JOBS_INTERVAL", "1s");
        // the OpenTelemetry SDK on, exporting to an in-memory collector, and each consumer logging the events it
        // applies with their trace id
        collector = new TraceCollector();
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("QUARKUS_LOG_CATEGORY__DEV_COMMERCE_PLATFORM_MESSAGING_INBOX__LEVEL", "DEBUG");
        platform = PLATFORMS.launch(runDir, environment, "--fresh");
        shop = new Shop(platform, PlatformLauncher.tokens(runDir));
        kafkaPort = environment.get("COMMERCE_KAFKA_PORT");
        mailer = new Mailer(kafkaPort);
    }

    @AfterAll
    static void stop() {
        PLATFORMS.close();
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void a_signed_in_customer_checks_out_and_stock_is_committed_payment_authorized_and_the_cart_ordered() {
        String sku = shop.productInStock(5);
        String customer = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        String token = shop.token("CUSTOMER_TOKEN");
        RequestSpecification shopper = given().auth().oauth2(token).contentType(ContentType.JSON);
        String cart = shop.readyCart(shopper, sku, 2, customer + "@example.com");

        Response placed = shop.checkout(shopper, cart, "tok_approved");
        placed.then().statusCode(201).header("Preference-Applied", "wait=10").body("status", equalTo("CONFIRMED"))
                .body("grandTotal.amount", equalTo("104.90")).body("customerId", equalTo("customer-1"));
        String orderId = placed.path("id");

        Awaitility.await("the reservation to be committed").atMost(DEADLINE).untilAsserted(() -> {
            JsonPath level = shop.stock(sku);
            assertThat(level.getLong("onHand")).isEqualTo(3);
            assertThat(level.getLong("reserved")).isZero();
        });
        shop.asAdmin().get(shop.url("inventory-service", "/reservations/" + orderId)).then().statusCode(200).body("status", equalTo("COMMITTED"));
        shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("AUTHORIZED")).body("[0].amount.amount", equalTo("104.90"));
        Awaitility.await("the cart to be ordered").atMost(DEADLINE).untilAsserted(() ->
                shopper.get(shop.url("cart-service", "/carts/" + cart)).then().statusCode(200).body("status", equalTo("ORDERED")));
        given().auth().oauth2(token).get(shop.url("order-service", "/orders/" + orderId)).then().statusCode(200)
                .body("timeline.status", org.hamcrest.Matchers.contains("PENDING", "AWAITING_PAYMENT", "CONFIRMED"));
    }

    @Test
    void a_shopper_signs_up_and_in_at_customer_service_and_checks_out_with_the_token_it_returned() {
        String sku = shop.productInStock(3);
        String email = "signup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery staple";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password, "name", "Ada Lovelace"))
                .post(shop.url("customer-service", "/auth/sign-up")).then().statusCode(202);
        JsonPath session = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post(shop.url("customer-service", "/auth/sign-in")).then().statusCode(200).extract().jsonPath();
        String customerId = session.getString("customerId");
        RequestSpecification shopper = given().auth().oauth2(session.getString("accessToken")).contentType(ContentType.JSON);
        given().auth().oauth2(session.getString("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "lastName", "Lovelace", "line1", "1 Main St", "postalCode", "10115",
                        "city", "Berlin", "country", "DE"))
                .post(shop.url("customer-service", "/customers/me/addresses")).then().statusCode(201)
                .body("defaultShipping", equalTo(true));

        String cart = shop.readyCart(shopper, sku, 1, email);
        given().auth().oauth2(session.getString("accessToken")).get(shop.url("cart-service", "/carts/mine")).then()
                .statusCode(200).body("id", equalTo(cart));
        Response placed = shop.checkout(shopper, cart, "tok_approved");
        placed.then().statusCode(201).body("status", equalTo("CONFIRMED")).body("customerId", equalTo(customerId));
        String orderId = placed.path("id");

        // minutes later the app refreshes its tokens; the new access token still owns the order
        JsonPath refreshed = given().contentType(ContentType.JSON).body(Map.of("refreshToken", session.getString("refreshToken")))
                .post(shop.url("customer-service", "/auth/refresh")).then().statusCode(200).extract().jsonPath();
        given().auth().oauth2(refreshed.getString("accessToken")).get(shop.url("order-service", "/orders")).then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(orderId));
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshed.getString("refreshToken")))
                .post(shop.url("customer-service", "/auth/sign-out")).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshed.getString("refreshToken")))
                .post(shop.url("customer-service", "/auth/refresh")).then().statusCode(401);
    }

    @Test
    void a_guest_checks_out_signs_up_verifies_sees_the_order_exports_their_data_and_erases_it_from_every_database() throws Exception {
        String sku = shop.productInStock(2);
        String email = "privacy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "correct horse battery staple";
        Response placed = shop.checkout(given().contentType(ContentType.JSON),
                shop.readyCart(given().contentType(ContentType.JSON), sku, 1, email), "tok_approved");
        placed.then().statusCode(201).body("status", equalTo("CONFIRMED"));
        String orderId = placed.path("id");

        // the guest signs up with the checkout address and verifies it with the token the mailer received
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password, "name", "Grace Hopper"))
                .post(shop.url("customer-service", "/auth/sign-up")).then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("token", mailer.verificationToken(email)))
                .post(shop.url("customer-service", "/auth/email-verification/confirm")).then().statusCode(204);
        String accessToken = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post(shop.url("customer-service", "/auth/sign-in")).then().statusCode(200).extract().path("accessToken");
        RequestSpecification customer = given().auth().oauth2(accessToken).contentType(ContentType.JSON);
        Awaitility.await("the guest order to appear in the account").atMost(DEADLINE).untilAsserted(() ->
                given().auth().oauth2(accessToken).get(shop.url("order-service", "/orders")).then().statusCode(200)
                        .body("items.id", org.hamcrest.Matchers.contains(orderId)));

        // one document with the parts of the four services that hold personal data
        String export = customer.post(shop.url("customer-service", "/customers/me/privacy-exports")).then().statusCode(202)
                .extract().path("id");
        Awaitility.await("every service to answer the export").atMost(DEADLINE).untilAsserted(() ->
                given().auth().oauth2(accessToken).get(shop.url("customer-service", "/customers/me/privacy-exports/" + export))
                        .then().statusCode(200).body("status", equalTo("READY")));
        given().auth().oauth2(accessToken).get(shop.url("customer-service", "/customers/me/privacy-exports/" + export + "/document"))
                .then().statusCode(200)
                .body("parts.keySet()", org.hamcrest.Matchers.containsInAnyOrder("customer-service", "cart-service", "order-service",
                        "payment-service"))
                .body("parts.customer-service[0].email", equalTo(email))
                .body("parts.cart-service[0].email", equalTo(email))
                .body("parts.order-service.id", org.hamcrest.Matchers.contains(orderId))
                .body("parts.payment-service[0].order_id", equalTo(orderId));

        PostgresServer postgres = PostgresServer.fromEnvironment();
        assertThat(rowsMentioning(postgres, PlatformService.ORDER, email)).as("the order before the erasure").isNotEmpty();
        // payment-service is down when the erasure is announced: it erases once the launcher has started it again
        ProcessHandle paymentService = platform.service("payment-service");
        paymentService.destroyForcibly();
        Awaitility.await("payment-service to be down").atMost(DEADLINE).until(() -> !paymentService.isAlive());
        String erasure = customer.body(Map.of("password", password)).post(shop.url("customer-service", "/customers/me/erasure"))
                .then().statusCode(202).extract().path("id");
        Awaitility.await("every service to confirm the erasure").atMost(DEADLINE).untilAsserted(() ->
                shop.asAdmin().get(shop.url("customer-service", "/privacy-requests/" + erasure)).then().statusCode(200)
                        .body("status", equalTo("COMPLETED")));
        for (PlatformService service : PlatformService.values()) {
            assertThat(rowsMentioning(postgres, service, email)).as("rows of %s mentioning the e-mail", service).isEmpty();
        }
        // the order stays for accounting, its totals intact
        assertThat(shop.adminOrder(orderId).getString("grandTotal.amount")).isEqualTo("54.90");
    }

    private static Map<String, Long> rowsMentioning(PostgresServer postgres, PlatformService service, String value) throws Exception {
        try (Connection database = postgres.connect(PLATFORMS.prefix() + service.database())) {
            return PersonalDataSearch.rowsMentioning(database, value);
        }
    }

    /** How long a change may take to be searchable on every catalog instance, from its commit. */
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(1);

    @Test
    void a_second_catalog_instance_builds_its_index_from_the_topics_sees_changes_within_a_second_and_resumes() throws Exception {
        String before = shop.product("Listed before the second instance");
        Map<String, String> environment = environmentOf(platform.service("catalog-service"));
        environment.put("CATALOG_INDEX_DIRECTORY", runDir.resolve("second-catalog-index").toString());
        List<ServiceProcess> started = new ArrayList<>();
        ServiceProcess second = ServiceProcess.start("catalog-service-2",
                PlatformLauncher.ROOT.resolve("catalog-service/target/quarkus-app/quarkus-run.jar"), FreePorts.pick(),
                List.of("-XX:+UseSerialGC", "-Xmx256m"), environment, runDir.resolve("logs").resolve("catalog-service-2.log"));
        started.add(second);
        try {
            second.awaitReady(Duration.ofMinutes(2));
            Awaitility.await("the new instance to build its index from the beginning of the topics").atMost(DEADLINE)
                    .until(() -> given().queryParam("currency", "EUR").get(second.baseUrl() + "/storefront/products/"
                            + before.toLowerCase()).statusCode() == 200);
            assertThat(second.lastLogLines(400)).anyMatch(line -> line.contains("is new: building it from the beginning"));

            // a few rounds first, so neither JVM answers its first searches cold; then the measured ones
            for (int round = 0; round < 3; round++) {
                searchableEverywhere(List.of(platform.baseUrl("catalog-service"), second.baseUrl()), DEADLINE);
            }
            for (int round = 0; round < 5; round++) {
                searchableEverywhere(List.of(platform.baseUrl("catalog-service"), second.baseUrl()), SEARCHABLE_WITHIN);
            }

            second.stop(Duration.ofSeconds(20));
            String whileDown = shop.product("Listed while the second instance was down");
            ServiceProcess restarted = second.startAgain();
            started.add(restarted);
            restarted.awaitReady(Duration.ofMinutes(2));
            Awaitility.await("the restarted instance to catch up from its positions").atMost(DEADLINE)
                    .until(() -> given().queryParam("currency", "EUR").get(restarted.baseUrl() + "/storefront/products/"
                            + whileDown.toLowerCase()).statusCode() == 200);
            assertThat(restarted.lastLogLines(200)).as("the restart resumed the index it kept")
                    .anyMatch(line -> line.contains("resumed at") && line.contains("catalog.product.v1"));
            given().queryParam("currency", "EUR").get(restarted.baseUrl() + "/storefront/products/" + before.toLowerCase())
                    .then().statusCode(200);
        } finally {
            started.forEach(ServiceProcess::close);
        }
    }

    /** Creates a product and waits, at most {@code within} from its commit, until a search finds it on every instance. */
    private static void searchableEverywhere(List<String> instances, Duration within) {
        String word = "fresh" + UUID.randomUUID().toString().substring(0, 8);
        shop.product("Fresh " + word); // committed when the answer arrives
        long committed = System.nanoTime();
        for (String instance : instances) {
            Duration left = within.minusNanos(System.nanoTime() - committed);
            Awaitility.await("'" + word + "' searchable on " + instance).atMost(left.isNegative() ? Duration.ofMillis(1) : left)
                    .pollInterval(Duration.ofMillis(10)).until(() -> given().queryParam("currency", "EUR")
                            .queryParam("q", word).get(instance + "/storefront/products").then().statusCode(200)
                            .extract().jsonPath().getInt("total") == 1);
        }
    }

    /** The environment a running process was started with (Linux: /proc/<pid>/environ). */
    private static Map<String, String> environmentOf(ProcessHandle process) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>();
        for (String entry : Files.readString(Path.of("/proc", String.valueOf(process.pid()), "environ")).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        environment.remove("QUARKUS_HTTP_PORT");
        return environment;
    }

    @Test
    void a_stock_receipt_and_the_availability_change_it_causes_in_the_catalog_share_one_trace() throws Exception {
        String sku = shop.product("Traced shoe");
        String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
        shop.receive(sku, 20, shop.asAdmin().header("traceparent", "00-" + traceId + "-" + "00f067aa0ba902b7" + "-01"));

        // the event inventory-service published carries the trace on
        try (EventProbe probe = EventProbe.of("127.0.0.1:" + kafkaPort, "inventory.stock-level.v1")) {
            EventProbe.ReceivedEvent changed = probe.awaitEvent(e -> sku.equals(e.key()), DEADLINE);
            assertThat(changed.header("traceparent")).as("the stock-level-changed event's traceparent").contains(traceId);
        }
        // and catalog-service applied it within that trace: its log line says so
        Awaitility.await("catalog-service to apply the availability change in the receipt's trace").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(Files.readAllLines(runDir.resolve("logs").resolve("catalog-service.log")))
                        .anyMatch(line -> line.contains("trace=" + traceId) && line.contains("applied")
                                && line.contains("stock-level-changed")));
        Awaitility.await("both services to export their spans of the trace").atMost(DEADLINE).untilAsserted(() -> {
            assertThat(collector.received("inventory-service", traceId)).as("inventory-service's span").isTrue();
            assertThat(collector.received("catalog-service", traceId)).as("catalog-service's span").isTrue();
        });
        Awaitility.await("the storefront to show the product in stock").atMost(DEADLINE).untilAsserted(() ->
                given().queryParam("currency", "EUR").get(shop.url("catalog-service", "/storefront/products/" + sku.toLowerCase()))
                        .then().statusCode(200).body("variants[0].availability.status", equalTo("IN_STOCK")));
    }

    @Test
    void a_guest_is_declined_retries_with_another_card_is_confirmed_and_cancels_with_the_stock_back_and_payment_voided() {
        String sku = shop.productInStock(4);
        RequestSpecification guest = given().contentType(ContentType.JSON);
        String cart = shop.readyCart(guest, sku, 1, "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");

        Response declined = shop.checkout(guest, cart, "tok_insufficient_funds");
        declined.then().statusCode(201).body("status", equalTo("PAYMENT_FAILED")).body("declineReason", equalTo("INSUFFICIENT_FUNDS"))
                .body("customerId", org.hamcrest.Matchers.nullValue());
        String orderId = declined.path("id");
        String orderToken = declined.path("orderToken");

        given().contentType(ContentType.JSON).header("X-Order-Token", orderToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"paymentMethod\":\"tok_approved\"}").post(shop.url("order-service", "/orders/" + orderId + "/payments"))
                .then().statusCode(202);
        shop.awaitOrder(orderId, "CONFIRMED");
        Awaitility.await("the reservation to be committed").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(shop.stock(sku).getLong("onHand")).isEqualTo(3));

        given().header("X-Order-Token", orderToken).post(shop.url("order-service", "/orders/" + orderId + "/cancellation"))
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        Awaitility.await("the authorization to be voided").atMost(DEADLINE).untilAsserted(() ->
                shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then()
                        .body("status", org.hamcrest.Matchers.contains("DECLINED", "VOIDED")));
        Awaitility.await("the stock to be back").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(shop.stock(sku).getLong("available")).isEqualTo(4));
    }

    @Test
    void a_signed_in_customer_searches_uses_a_coupon_checks_out_and_the_order_is_shipped_delivered_returned_and_refunded() {
        String word = "Zephyr" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        String sku = shop.productInStock(3, word + " trail shoe");
        String code = "SAVE10-" + sku.substring(3);
        String promotion = shop.asAdmin().body("{\"name\":\"10% with a code\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}")
                .post(shop.url("cart-service", "/promotions")).then().statusCode(201).extract().path("id");
        shop.asAdmin().body("{\"code\":\"" + code + "\"}").post(shop.url("cart-service", "/promotions/" + promotion + "/codes"))
                .then().statusCode(201);

        // the storefront finds the product by a word of its name, in euros
        Awaitility.await("the product to be found, in stock").atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().queryParam("currency", "EUR").queryParam("q", word).get(shop.url("catalog-service", "/storefront/products"))
                        .then().statusCode(200).body("items[0].slug", equalTo(sku.toLowerCase()))
                        .body("items[0].price.amount", equalTo("50.00")).body("items[0].available", equalTo(true)));
        String token = shop.token("CUSTOMER_TOKEN");
        RequestSpecification customer = given().auth().oauth2(token).contentType(ContentType.JSON);
        String cart = shop.readyCart(customer, sku, 1, "ada@example.com");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"code\":\"" + code.toLowerCase() + "\"}")
                .post(shop.url("cart-service", "/carts/" + cart + "/coupons")).then().statusCode(200)
                .body("totals.grandTotal.amount", equalTo("49.90"));

        Response placed = shop.checkout(given().auth().oauth2(token).contentType(ContentType.JSON), cart, "tok_approved");
        placed.then().statusCode(201).body("status", equalTo("CONFIRMED")).body("grandTotal.amount", equalTo("49.90"))
                .body("codes", org.hamcrest.Matchers.contains(code));
        String orderId = placed.path("id");

        String parcel = shop.asAdmin().body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"carrier\":\"UPS\"}")
                .post(shop.url("order-service", "/orders/" + orderId + "/shipments")).then().statusCode(201)
                .body("captureAmount.amount", equalTo("49.90")).extract().path("id");
        shop.asAdmin().post(shop.url("order-service", "/orders/" + orderId + "/shipments/" + parcel + "/delivery"))
                .then().statusCode(200).body("status", equalTo("DELIVERED"));
        String returnId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"reason\":\"changed my mind\"}")
                .post(shop.url("order-service", "/orders/" + orderId + "/returns")).then().statusCode(201)
                .body("refundAmount.amount", equalTo("45.00")).extract().path("id");
        shop.asAdmin().post(shop.url("order-service", "/returns/" + returnId + "/receipt")).then().statusCode(200);

        Awaitility.await("the refund and the restock").atMost(DEADLINE).untilAsserted(() -> {
            JsonPath order = given().auth().oauth2(token).get(shop.url("order-service", "/orders/" + orderId))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(order.getString("captured.amount")).isEqualTo("49.90");
            assertThat(order.getString("refunded.amount")).isEqualTo("45.00");
            assertThat(shop.stock(sku).getLong("onHand")).isEqualTo(3);
        });
        assertThat(shop.payments(orderId).getString("[0].status")).isIn("CAPTURED", "REFUNDED");
        given().auth().oauth2(token).queryParam("status", "DELIVERED").get(shop.url("order-service", "/orders")).then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(orderId));
    }

    @Test
    void a_guest_order_ships_in_two_parcels_is_delivered_and_a_returned_unit_is_refunded_and_restocked() {
        String sku = shop.productInStock(5);
        RequestSpecification guest = given().contentType(ContentType.JSON);
        String cart = shop.readyCart(guest, sku, 3, "parcel-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Response placed = shop.checkout(guest, cart, "tok_approved");
        placed.then().statusCode(201).body("status", equalTo("CONFIRMED")).body("grandTotal.amount", equalTo("154.90"));
        String orderId = placed.path("id");
        String orderToken = placed.path("orderToken");

        // the first parcel captures its unit and the shipping, the second the rest: the grand total in all
        String first = shop.asAdmin().body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"carrier\":\"DHL\",\"trackingNumber\":\"T-1\"}")
                .post(shop.url("order-service", "/orders/" + orderId + "/shipments")).then().statusCode(201)
                .body("captureAmount.amount", equalTo("54.90")).extract().path("id");
        String second = shop.asAdmin().body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}],\"carrier\":\"DHL\",\"trackingNumber\":\"T-2\"}")
                .post(shop.url("order-service", "/orders/" + orderId + "/shipments")).then().statusCode(201)
                .body("captureAmount.amount", equalTo("100.00")).extract().path("id");
        Awaitility.await("payment to capture both parcels").atMost(DEADLINE).untilAsserted(() ->
                shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then()
                        .body("[0].status", equalTo("CAPTURED")).body("[0].captured.amount", equalTo("154.90")));
        Awaitility.await("the order to show the captures").atMost(DEADLINE).untilAsserted(() ->
                assertThat(shop.adminOrder(orderId).getString("captured.amount")).isEqualTo("154.90"));

        shop.asAdmin().post(shop.url("order-service", "/orders/" + orderId + "/shipments/" + first + "/delivery")).then().statusCode(200)
                .body("status", equalTo("SHIPPED"));
        shop.asAdmin().post(shop.url("order-service", "/orders/" + orderId + "/shipments/" + second + "/delivery")).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));

        // the guest sends one unit back with the order token; the warehouse receives it
        String returnId = given().contentType(ContentType.JSON).header("X-Order-Token", orderToken)
                .body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],\"reason\":\"too small\"}")
                .post(shop.url("order-service", "/orders/" + orderId + "/returns")).then().statusCode(201)
                .body("refundAmount.amount", equalTo("50.00")).extract().path("id");
        shop.asAdmin().post(shop.url("order-service", "/returns/" + returnId + "/receipt")).then().statusCode(200)
                .body("status", equalTo("RECEIVED"));

        Awaitility.await("the returned unit to be restocked").atMost(DEADLINE).untilAsserted(() -> {
            JsonPath level = shop.stock(sku);
            assertThat(level.getLong("onHand")).isEqualTo(3);
            assertThat(level.getLong("available")).isEqualTo(3);
        });
        Awaitility.await("payment to refund it").atMost(DEADLINE).untilAsserted(() ->
                shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then()
                        .body("[0].refunded.amount", equalTo("50.00")));
        Awaitility.await("the order to show the refund").atMost(DEADLINE).untilAsserted(() -> {
            JsonPath order = given().header("X-Order-Token", orderToken).get(shop.url("order-service", "/orders/" + orderId))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(order.getString("refunded.amount")).isEqualTo("50.00");
            assertThat(order.getString("returns[0].status")).isEqualTo("REFUNDED");
            assertThat(order.getList("timeline.status")).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "SHIPPED",
                    "DELIVERED");
        });
    }

    @Test
    void a_provider_that_does_not_answer_in_time_is_asked_again_and_the_order_is_confirmed_with_one_authorization() {
        String sku = shop.productInStock(2);
        RequestSpecification guest = given().contentType(ContentType.JSON);
        String cart = shop.readyCart(guest, sku, 1, "timeout-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        String orderId = shop.checkout(guest, cart, "tok_timeout").then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(201)).or(equalTo(202))).extract().path("id");
        shop.awaitOrder(orderId, "CONFIRMED");
        shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.contains("AUTHORIZED"));
    }

    @Test
    void a_reservation_that_lapses_before_the_payment_cancels_the_order_and_nothing_is_charged() {
        String sku = shop.productInStock(2);
        RequestSpecification guest = given().contentType(ContentType.JSON);
        String cart = shop.readyCart(guest, sku, 1, "lapse-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        // the shopper never completes the challenge; the reservation lapses first (its lifetime is short here)
        String orderId = shop.checkout(guest, cart, "tok_sca_required").then().statusCode(201)
                .body("status", equalTo("ACTION_REQUIRED")).extract().path("id");
        assertThat(shop.stock(sku).getLong("available")).isEqualTo(1);
        Awaitility.await("the reservation to lapse").atMost(RESERVATION_LIFETIME.plus(DEADLINE)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonPath order = shop.adminOrder(orderId);
                    assertThat(order.getString("status")).isEqualTo("CANCELLED");
                    // order-service's payment deadline never outlives the reservation (it is the reservation's expiry
                    // here): whichever of the two fires first cancels, inventory's expiry or the deadline
                    assertThat(order.getString("cancelReason")).isIn("RESERVATION_EXPIRED", "PAYMENT_FAILED");
                });
        Awaitility.await("the stock to be back").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(shop.stock(sku).getLong("available")).isEqualTo(2));
        shop.asAdmin().get(shop.url("inventory-service", "/reservations/" + orderId)).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.oneOf("EXPIRED", "RELEASED"));
        shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("AUTHORIZED")))
                .body("status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("CAPTURED")));
    }

    @Test
    void a_strong_authentication_challenge_is_shown_to_the_shopper() {
        String sku = shop.productInStock(2);
        RequestSpecification guest = given().contentType(ContentType.JSON);
        String cart = shop.readyCart(guest, sku, 1, "sca-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Response challenged = shop.checkout(guest, cart, "tok_sca_required");
        challenged.then().statusCode(201).body("status", equalTo("ACTION_REQUIRED")).body("action.type", equalTo("REDIRECT"));
        String orderId = challenged.path("id");
        String reference = challenged.path("action.data.challengeReference");
        // the app completes the challenge at payment-service by its reference, without any token
        given().contentType(ContentType.JSON).body("{\"challengeResponse\":\"ok\"}")
                .post(shop.url("payment-service", "/payment-challenges/" + reference)).then().statusCode(200)
                .body("status", equalTo("AUTHORIZED"));
        shop.awaitOrder(orderId, "CONFIRMED");
    }

    @Test
    void sixty_concurrent_checkouts_for_fifty_units_confirm_exactly_fifty_and_leave_no_live_authorization() throws Exception {
        int units = 50;
        int shoppers = 60;
        String sku = shop.productInStock(units);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            carts.add(shop.readyCart(given().contentType(ContentType.JSON), sku, 1, "race-" + i + "@example.com"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String cart : carts) {
                answers.add(pool.submit(() -> shop.checkout(given().contentType(ContentType.JSON), cart, "tok_approved")));
            }
            List<String> placed = new ArrayList<>();
            int refusedAtHandOff = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get(2, TimeUnit.MINUTES);
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("type")).isEqualTo("https://commerce.dev/problems/insufficient-stock");
                    refusedAtHandOff++;
                } else {
                    assertThat(response.statusCode()).isIn(201, 202);
                    placed.add(response.path("id"));
                }
            }
            List<String> confirmed = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            Awaitility.await("every placed order to reach its outcome").atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                confirmed.clear();
                cancelled.clear();
                for (String orderId : placed) {
                    JsonPath order = shop.adminOrder(orderId);
                    switch (order.getString("status")) {
                        case "CONFIRMED" -> confirmed.add(orderId);
                        case "CANCELLED" -> {
                            assertThat(order.getString("cancelReason")).isEqualTo("OUT_OF_STOCK");
                            cancelled.add(orderId);
                        }
                        default -> throw new AssertionError("order " + orderId + " is still " + order.getString("status"));
                    }
                }
            });
            assertThat(confirmed).hasSize(units);
            assertThat(cancelled.size() + refusedAtHandOff).isEqualTo(shoppers - units);
            Awaitility.await("every confirmed order to be committed").atMost(DEADLINE).untilAsserted(() -> {
                JsonPath level = shop.stock(sku);
                assertThat(level.getLong("onHand")).isZero();
                assertThat(level.getLong("reserved")).isZero();
            });
            for (String orderId : cancelled) {
                shop.asAdmin().queryParam("orderId", orderId).get(shop.url("payment-service", "/payments")).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("AUTHORIZED")));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
