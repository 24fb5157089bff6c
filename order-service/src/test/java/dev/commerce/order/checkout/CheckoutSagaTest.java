package dev.commerce.order.checkout;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.application.OrderIds;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The checkout and its saga in order-service, on real PostgreSQL and Kafka: cart-service's hand-off is a test double
 * ({@link FakeCartService}), inventory and payment are played on their topics ({@link SagaPeers}); every event
 * order-service publishes is checked against its contract. The real services meet in system-tests.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
@QuarkusTestResource(FakeCartService.class)
class CheckoutSagaTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static SagaPeers peers;

    @Inject
    DataSource dataSource;

    /** Created on first use: HTTP and Kafka are up once the first test runs. */
    private static synchronized SagaPeers peers() {
        if (peers == null) {
            SagaPeers.ensureTopics();
            peers = new SagaPeers();
        }
        return peers;
    }

    @AfterAll
    static void close() {
        if (peers != null) {
            peers.close();
        }
    }

    /** A shopper with a cart the fake cart-service hands off; {@code customerId} null: a guest. */
    private record Shopper(String customerId, String email, UUID cartId) {

        static Shopper customer() {
            String id = "customer-" + UUID.randomUUID().toString().substring(0, 8);
            return withCart(id, id + "@example.com", 1);
        }

        static Shopper guest() {
            return withCart(null, "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", 1);
        }

        static Shopper withCart(String customerId, String email, int quantity) {
            UUID cartId = UUID.randomUUID();
            FakeCartService.answer(cartId, new FakeCartService.Answer(200, Snapshots.of(cartId, customerId, email, "SKU-1", quantity)));
            return new Shopper(customerId, email, cartId);
        }

        RequestSpecification request() {
            RequestSpecification request = given().contentType(ContentType.JSON);
            return customerId == null ? request : request.auth().oauth2(TestTokens.customer(customerId));
        }

        Response checkout(String key, String paymentMethod) {
            return request().header("Idempotency-Key", key)
                    .body("{\"cartId\":\"" + cartId + "\",\"paymentMethod\":\"" + paymentMethod + "\"}").post("/orders");
        }

        Response checkout() {
            return checkout(UUID.randomUUID().toString(), "tok_approved");
        }
    }

    private static String placed(Shopper shopper) {
        return shopper.checkout().then().statusCode(202).extract().path("id");
    }

    private static JsonPath order(String orderId) {
        return given().auth().oauth2(TestTokens.admin()).get("/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitStatus(String orderId, String status) {
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> assertThat(order(orderId).getString("status")).isEqualTo(status));
    }

    /** Reserves the order's stock and returns the attempt id payment-requested asked for. */
    private static String reserved(String orderId) {
        peers().orderEvent(orderId, "order-placed");
        peers().stockReserved(orderId);
        return peers().orderEvent(orderId, "payment-requested").getString("paymentAttemptId");
    }

    @Test
    void a_customers_checkout_is_placed_reserved_authorized_and_confirmed_with_every_event_on_contract() {
        Shopper shopper = Shopper.customer();
        Response answer = shopper.checkout();
        answer.then().statusCode(202).header("Location", notNullValue()).body("status", equalTo("PENDING"))
                .body("orderNumber", startsWith("C-")).body("customerId", equalTo(shopper.customerId()))
                .body("orderToken", nullValue()).body("grandTotal.amount", equalTo("14.90"))
                .body("lines[0].sku", equalTo("SKU-1")).body("totals.shipping.amount", equalTo("4.90"));
        String orderId = answer.path("id");
        assertThat(answer.header("Location")).endsWith("/orders/" + orderId);

        JsonPath placed = peers().orderEvent(orderId, "order-placed");
        assertThat(placed.getString("customerId")).isEqualTo(shopper.customerId());
        assertThat(placed.getString("email")).isEqualTo(shopper.email());
        assertThat(placed.getString("totals.grandTotal")).isEqualTo("14.90");
        assertThat(placed.getString("checkout.cartId")).isEqualTo(shopper.cartId().toString());
        assertThat(placed.getString("shippingAddress.name")).isEqualTo("Ada Lovelace");

        peers().stockReserved(orderId);
        JsonPath requested = peers().orderEvent(orderId, "payment-requested");
        assertThat(requested.getString("amount")).isEqualTo("14.90");
        assertThat(requested.getString("paymentMethod")).isEqualTo("tok_approved");
        assertThat(requested.getString("customerId")).isEqualTo(shopper.customerId());
        assertThat(requested.getString("shippingCountry")).isEqualTo("DE");
        awaitStatus(orderId, "AWAITING_PAYMENT");
        assertThat(order(orderId).getString("paymentDeadlineAt")).isNotNull();

        String attemptId = requested.getString("paymentAttemptId");
        String authorization = peers().authorized(orderId, attemptId, "14.90", false);
        JsonPath confirmed = peers().orderEvent(orderId, "order-confirmed");
        assertThat(confirmed.getString("customerId")).isEqualTo(shopper.customerId());
        awaitStatus(orderId, "CONFIRMED");

        // a redelivered authorization and a late stock answer change nothing
        peers().redeliverAuthorized(orderId, attemptId, "14.90", authorization);
        peers().stockReserved(orderId);
        peers().stockRejected(orderId, "SKU-1", 1, 0);
        String marker = peers().authorized(orderId, UUID.randomUUID().toString(), "14.90", false); // a stranger attempt: voided
        assertThat(marker).isNotNull();
        peers().orderEvent(orderId, "authorization-void-requested");
        assertThat(peers().orderEvents(orderId)).containsExactly("order-placed", "payment-requested", "order-confirmed",
                "authorization-void-requested");
        JsonPath order = order(orderId);
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getList("timeline.status")).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");

        given().auth().oauth2(TestTokens.customer(shopper.customerId())).get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(TestTokens.customer("someone-else")).get("/orders/" + orderId).then().statusCode(404);
    }

    @Test
    void a_retry_with_the_same_key_continues_the_same_order_and_a_new_key_is_another_checkout() {
        Shopper shopper = Shopper.customer();
        String key = UUID.randomUUID().toString();
        String first = shopper.checkout(key, "tok_approved").then().statusCode(202).extract().path("id");
        String again = shopper.checkout(key, "tok_approved").then().statusCode(202).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(FakeCartService.calls(shopper.cartId())).isEqualTo(1);
        peers().orderEvent(first, "order-placed");
        assertThat(peers().orderEvents(first)).containsExactly("order-placed");

        // the same key for another cart is refused, not answered with the first order
        Shopper otherCart = Shopper.withCart(shopper.customerId(), shopper.email(), 1);
        otherCart.checkout(key, "tok_approved").then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/idempotency-key-reused"));
    }

    @Test
    void concurrent_requests_with_one_key_make_one_order() {
        Shopper shopper = Shopper.customer();
        String key = UUID.randomUUID().toString();
        var answers = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> shopper.checkout(key, "tok_approved").then().statusCode(202).extract().<String>path("id"))
                .toList();
        assertThat(answers).containsOnly(answers.get(0));
        peers().orderEvent(answers.get(0), "order-placed");
        assertThat(peers().orderEvents(answers.get(0))).containsExactly("order-placed");
    }

    @Test
    void a_guests_orders_join_the_account_once_the_customer_verified_the_email() {
        Shopper guest = Shopper.guest();
        Response answer = guest.checkout();
        String orderId = answer.then().statusCode(202).extract().path("id");
        String orderToken = answer.path("orderToken");
        String otherGuestsOrder = placed(Shopper.guest());
        String customerId = UUID.randomUUID().toString();

        TestEvents.ensureTopic(Topics.CUSTOMER);
        try (TestEvents customers = TestEvents.as("customer-service")) {
            customers.publish(Topics.CUSTOMER, EventTypes.CUSTOMER_UPSERTED, customerId, 1, upserted(customerId, guest.email(), true));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() ->
                given().auth().oauth2(TestTokens.customer(customerId)).get("/orders").then().statusCode(200)
                        .body("items.id", org.hamcrest.Matchers.contains(orderId)));
        given().auth().oauth2(TestTokens.customer(customerId)).get("/orders/" + orderId).then().statusCode(200)
                .body("customerId", equalTo(customerId)).body("email", equalTo(guest.email()));
        given().header("X-Order-Token", orderToken).get("/orders/" + orderId).then() // the guest's link still works
                .statusCode(200);
        assertThat(order(otherGuestsOrder).getString("customerId")).as("another address's order").isNull();
    }

    @Test
    void a_customers_orders_are_exported_and_kept_at_erasure_without_their_address_or_email() throws Exception {
        String customerId = UUID.randomUUID().toString();
        String email = "erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ownOrder = placed(Shopper.withCart(customerId, email, 1));
        String guestOrder = placed(Shopper.withCart(null, email, 2));
        peers().orderEvent(guestOrder, "order-placed");

        dev.commerce.platform.testing.PrivacyRequestsProbe privacy = new dev.commerce.platform.testing.PrivacyRequestsProbe("order");
        java.util.List<java.util.Map<String, Object>> exported = privacy.exportedRecords(privacy.requestExport(customerId, email));
        assertThat(exported).extracting(record -> record.get("id")).containsExactlyInAnyOrder(ownOrder, guestOrder);
        assertThat(exported).allSatisfy(record -> assertThat(record).containsKey("lines").containsEntry("email", email));

        privacy.awaitErasureCompleted(privacy.erase(customerId, email));
        for (String orderId : java.util.List.of(ownOrder, guestOrder)) {
            JsonPath kept = order(orderId);
            assertThat(kept.getString("email")).isNull();
            assertThat(kept.getMap("shippingAddress")).as("only the country stays, for tax").containsOnlyKeys("country");
            assertThat(kept.getString("grandTotal.amount")).isNotNull();
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> {
            try (java.sql.Connection database = dev.commerce.platform.testing.TestDatabase.connect()) {
                assertThat(dev.commerce.platform.testing.PersonalDataSearch.rowsMentioning(database, email)).isEmpty();
            }
        });
    }

    @Test
    void an_unverified_account_gets_no_guest_orders() {
        Shopper guest = Shopper.guest();
        String orderId = placed(guest);
        String unverified = UUID.randomUUID().toString();
        String verifiedLater = UUID.randomUUID().toString();

        TestEvents.ensureTopic(Topics.CUSTOMER);
        try (TestEvents customers = TestEvents.as("customer-service")) {
            customers.publish(Topics.CUSTOMER, EventTypes.CUSTOMER_UPSERTED, unverified, 1, upserted(unverified, guest.email(), false));
            // the same key, so it is applied after the unverified one: once it shows, the first was seen and ignored
            customers.publish(Topics.CUSTOMER, EventTypes.CUSTOMER_UPSERTED, unverified, 2,
                    upserted(unverified, "someone-else-" + guest.email(), true));
            customers.publish(Topics.CUSTOMER, EventTypes.CUSTOMER_UPSERTED, unverified, 3, upserted(verifiedLater, guest.email(), true));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(order(orderId).getString("customerId")).isEqualTo(verifiedLater));
    }

    private static String upserted(String customerId, String email, boolean verified) {
        return """
                {"customerId":"%s","email":"%s","name":"Ana","emailVerified":%s,"status":"ACTIVE",
                 "createdAt":"2026-12-03T09:00:00Z","updatedAt":"2026-12-03T09:00:00Z"}""".formatted(customerId, email.toUpperCase(), verified);
    }

    @Test
    void a_guest_orders_with_the_checkout_email_and_reads_pays_and_cancels_with_the_order_token() {
        Shopper guest = Shopper.guest();
        String key = UUID.randomUUID().toString();
        Response answer = guest.checkout(key, "tok_approved");
        answer.then().statusCode(202).body("customerId", nullValue()).body("email", equalTo(guest.email()));
        String orderId = answer.path("id");
        String token = answer.path("orderToken");
        assertThat(token).hasSizeGreaterThan(30);
        // a retry (same cart, same key) gets the same order and the same token: a guest who lost the answer is not locked out
        guest.checkout(key, "tok_approved").then().statusCode(202).body("id", equalTo(orderId)).body("orderToken", equalTo(token));

        JsonPath placed = peers().orderEvent(orderId, "order-placed");
        assertThat(placed.getString("customerId")).isNull();
        assertThat(placed.getString("email")).isEqualTo(guest.email());

        given().get("/orders/" + orderId).then().statusCode(404);
        given().header("X-Order-Token", token + "x").get("/orders/" + orderId).then().statusCode(404);
        given().header("X-Order-Token", token).get("/orders/" + orderId).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("orderToken", nullValue());

        peers().stockReserved(orderId);
        JsonPath requested = peers().orderEvent(orderId, "payment-requested");
        assertThat(requested.getString("customerId")).isNull();
        assertThat(requested.getString("email")).isEqualTo(guest.email());
        peers().declined(orderId, requested.getString("paymentAttemptId"), "DO_NOT_HONOUR");
        awaitStatus(orderId, "PAYMENT_FAILED");

        given().contentType(ContentType.JSON).body("{\"paymentMethod\":\"tok_other\"}")
                .post("/orders/" + orderId + "/payments").then().statusCode(404);
        given().contentType(ContentType.JSON).header("X-Order-Token", token).body("{\"paymentMethod\":\"tok_other\"}")
                .post("/orders/" + orderId + "/payments").then().statusCode(202).body("status", equalTo("AWAITING_PAYMENT"));
        assertThat(peers().orderEvent(orderId, "payment-requested", 2).getString("paymentMethod")).isEqualTo("tok_other");

        given().post("/orders/" + orderId + "/cancellation").then().statusCode(404);
        given().header("X-Order-Token", token).post("/orders/" + orderId + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("CUSTOMER_REQUEST"));
        assertThat(peers().orderEvent(orderId, "order-cancelled").getString("reason")).isEqualTo("CUSTOMER_REQUEST");
    }

    @Test
    void a_hand_off_refusal_answers_the_carts_problem_and_creates_no_order() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        UUID cartId = UUID.randomUUID();
        FakeCartService.answer(cartId, new FakeCartService.Answer(409, """
                {"type":"https://commerce.dev/problems/insufficient-stock","title":"Insufficient stock","status":409,
                 "detail":"1 line is short","lines":[{"sku":"SKU-9","requested":3,"available":1}]}"""));
        Shopper shopper = new Shopper(customerId, customerId + "@example.com", cartId);
        shopper.checkout().then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://commerce.dev/problems/insufficient-stock"))
                .body("lines[0].sku", equalTo("SKU-9")).body("lines[0].available", equalTo(1));

        UUID usedUp = UUID.randomUUID();
        FakeCartService.answer(usedUp, new FakeCartService.Answer(422, """
                {"type":"https://commerce.dev/problems/coupon-used-up","title":"Coupon used up","status":422,"detail":"WELCOME10"}"""));
        new Shopper(customerId, customerId + "@example.com", usedUp).checkout().then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/coupon-used-up"));
        given().auth().oauth2(TestTokens.customer(customerId)).get("/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void cart_service_failing_answers_503_with_retry_after_after_retrying_and_creates_nothing() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        UUID cartId = UUID.randomUUID();
        FakeCartService.answer(cartId, new FakeCartService.Answer(500, "{\"status\":500}"));
        new Shopper(customerId, customerId + "@example.com", cartId).checkout().then().statusCode(503)
                .header("Retry-After", "5").body("type", equalTo("https://commerce.dev/problems/cart-unavailable"));
        assertThat(FakeCartService.calls(cartId)).isEqualTo(3);
        given().auth().oauth2(TestTokens.customer(customerId)).get("/orders").then().body("items.size()", equalTo(0));
    }

    @Test
    void prefer_wait_answers_201_with_the_confirmed_order_as_soon_as_payment_authorized() {
        Shopper shopper = Shopper.customer();
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> shopper.request()
                .header("Idempotency-Key", key).header("Prefer", "wait=10")
                .body("{\"cartId\":\"" + shopper.cartId() + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders"));
        // the order id is known before the answer: it is derived from the customer and the key
        String orderId = OrderIds.forCustomer(shopper.customerId(), key).toString();
        String attemptId = reserved(orderId);
        peers().authorized(orderId, attemptId, "14.90", false);
        Response answer = waiting.join();
        answer.then().statusCode(201).header("Preference-Applied", "wait=10").body("status", equalTo("CONFIRMED"))
                .body("id", equalTo(orderId));

        // an outcome the shopper acts on (a decline) ends the wait too; no outcome within the wait: 202
        Shopper slow = Shopper.customer();
        slow.request().header("Idempotency-Key", UUID.randomUUID().toString()).header("Prefer", "wait=1")
                .body("{\"cartId\":\"" + slow.cartId() + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders")
                .then().statusCode(202).header("Preference-Applied", nullValue()).body("status", equalTo("PENDING"));
    }

    @Test
    void prefer_wait_sees_a_step_committed_by_another_instance_at_its_recheck() throws Exception {
        Shopper shopper = Shopper.customer();
        String key = UUID.randomUUID().toString();
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> shopper.request()
                .header("Idempotency-Key", key).header("Prefer", "wait=10")
                .body("{\"cartId\":\"" + shopper.cartId() + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders"));
        UUID orderId = OrderIds.forCustomer(shopper.customerId(), key);
        Awaitility.await().atMost(DEADLINE).until(() -> statusInDatabase(orderId) != null);
        // written past this instance, as another instance of order-service commits: no wake-up, only the recheck sees it
        try (Connection connection = dataSource.getConnection();
             PreparedStatement cancel = connection.prepareStatement("UPDATE customer_order SET status = 'CANCELLED' WHERE id = ?")) {
            cancel.setObject(1, orderId);
            assertThat(cancel.executeUpdate()).isEqualTo(1);
        }
        waiting.get(10, TimeUnit.SECONDS).then().statusCode(201).body("status", equalTo("CANCELLED"));
    }

    private String statusInDatabase(UUID orderId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement("SELECT status FROM customer_order WHERE id = ?")) {
            read.setObject(1, orderId);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void out_of_stock_cancels_with_the_short_lines() {
        String orderId = placed(Shopper.customer());
        peers().orderEvent(orderId, "order-placed");
        peers().stockRejected(orderId, "SKU-1", 1, 0);
        assertThat(peers().orderEvent(orderId, "order-cancelled").getString("reason")).isEqualTo("OUT_OF_STOCK");
        JsonPath order = order(orderId);
        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(order.getString("shortLines[0].sku")).isEqualTo("SKU-1");
        assertThat(order.getInt("shortLines[0].available")).isZero();
        assertThat(order.getList("timeline.status")).containsExactly("PENDING", "CANCELLED");
    }

    @Test
    void a_decline_can_be_retried_with_another_method_once_per_key_and_then_confirms() {
        Shopper shopper = Shopper.customer();
        String orderId = placed(shopper);
        String first = reserved(orderId);
        peers().declined(orderId, first, "INSUFFICIENT_FUNDS");
        awaitStatus(orderId, "PAYMENT_FAILED");
        assertThat(order(orderId).getString("declineReason")).isEqualTo("INSUFFICIENT_FUNDS");

        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            shopper.request().header("Idempotency-Key", key).body("{\"paymentMethod\":\"tok_approved\"}")
                    .post("/orders/" + orderId + "/payments").then().statusCode(202).body("status", equalTo("AWAITING_PAYMENT"));
        }
        JsonPath second = peers().orderEvent(orderId, "payment-requested", 2);
        assertThat(second.getString("paymentAttemptId")).isNotEqualTo(first);
        peers().declined(orderId, first, "INSUFFICIENT_FUNDS"); // the old attempt's answer again: ignored
        peers().authorized(orderId, second.getString("paymentAttemptId"), "14.90", false);
        peers().orderEvent(orderId, "order-confirmed");
        awaitStatus(orderId, "CONFIRMED");
        assertThat(peers().orderEvents(orderId)).containsExactly("order-placed", "payment-requested", "payment-requested",
                "order-confirmed");
        shopper.request().body("{\"paymentMethod\":\"tok_approved\"}").post("/orders/" + orderId + "/payments")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/payment-retry-not-allowed"));
    }

    @Test
    void a_strong_authentication_challenge_is_shown_and_its_authorization_confirms() {
        String orderId = placed(Shopper.customer());
        String attempt = reserved(orderId);
        peers().actionRequired(orderId, attempt, "https://pay.example/challenge/abc");
        awaitStatus(orderId, "ACTION_REQUIRED");
        JsonPath order = order(orderId);
        assertThat(order.getString("action.type")).isEqualTo("REDIRECT");
        assertThat(order.getString("action.url")).isEqualTo("https://pay.example/challenge/abc");
        peers().authorized(orderId, attempt, "14.90", false);
        awaitStatus(orderId, "CONFIRMED");
        assertThat(order(orderId).getString("action")).isNull();
    }

    @Test
    void cancelling_after_authorization_cancels_and_a_late_authorization_of_a_cancelled_order_is_voided() {
        Shopper shopper = Shopper.customer();
        String orderId = placed(shopper);
        String attempt = reserved(orderId);
        peers().authorized(orderId, attempt, "14.90", false);
        awaitStatus(orderId, "CONFIRMED");
        shopper.request().post("/orders/" + orderId + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));
        shopper.request().post("/orders/" + orderId + "/cancellation").then().statusCode(200); // again: nothing changes
        assertThat(peers().orderEvent(orderId, "order-cancelled").getString("reason")).isEqualTo("CUSTOMER_REQUEST");
        given().auth().oauth2(TestTokens.customer("someone-else")).post("/orders/" + orderId + "/cancellation")
                .then().statusCode(404);

        Shopper late = Shopper.customer();
        String lateOrder = placed(late);
        String lateAttempt = reserved(lateOrder);
        late.request().post("/orders/" + lateOrder + "/cancellation").then().statusCode(200);
        peers().authorized(lateOrder, lateAttempt, "14.90", false);
        JsonPath voiding = peers().orderEvent(lateOrder, "authorization-void-requested");
        assertThat(voiding.getString("paymentAttemptId")).isEqualTo(lateAttempt);
        assertThat(voiding.getString("reason")).isEqualTo("ORDER_CANCELLED");
        assertThat(order(lateOrder).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void a_reservation_expiring_a_commit_failing_or_an_authorization_voided_cancels() {
        String expiring = placed(Shopper.customer());
        reserved(expiring);
        peers().reservationExpired(expiring);
        assertThat(peers().orderEvent(expiring, "order-cancelled").getString("reason")).isEqualTo("RESERVATION_EXPIRED");

        String failing = placed(Shopper.customer());
        peers().authorized(failing, reserved(failing), "14.90", false);
        peers().orderEvent(failing, "order-confirmed");
        peers().commitFailed(failing);
        assertThat(peers().orderEvent(failing, "order-cancelled").getString("reason")).isEqualTo("STOCK_COMMIT_FAILED");

        String voided = placed(Shopper.customer());
        String attempt = reserved(voided);
        peers().authorized(voided, attempt, "14.90", false);
        peers().orderEvent(voided, "order-confirmed");
        peers().voided(voided, attempt);
        assertThat(peers().orderEvent(voided, "order-cancelled").getString("reason")).isEqualTo("PAYMENT_FAILED");
    }

    @Test
    void an_order_without_an_authorization_by_its_payment_deadline_is_cancelled() {
        String orderId = placed(Shopper.customer());
        String attempt = reserved(orderId);
        peers().declined(orderId, attempt, "DO_NOT_HONOUR");
        assertThat(peers().orderEvent(orderId, "order-cancelled").getString("reason")).isEqualTo("PAYMENT_FAILED");
        JsonPath order = order(orderId);
        assertThat(order.getList("timeline.status")).containsExactly("PENDING", "AWAITING_PAYMENT", "PAYMENT_FAILED", "CANCELLED");
        assertThat(Instant.parse(order.getString("paymentDeadlineAt"))).isBefore(Instant.now());
    }

    @Test
    void a_flagged_authorization_confirms_the_order_on_hold_until_an_admin_approves_or_rejects_it() {
        String orderId = placed(Shopper.customer());
        peers().authorized(orderId, reserved(orderId), "14.90", true);
        awaitStatus(orderId, "CONFIRMED");
        JsonPath order = order(orderId);
        assertThat(order.getBoolean("onHold")).isTrue();
        assertThat(order.getString("timeline[2].detail")).isEqualTo("ON_HOLD_FOR_PAYMENT_REVIEW");

        given().auth().oauth2(TestTokens.customer("customer-x")).contentType(ContentType.JSON).body("{\"approved\":true}")
                .post("/orders/" + orderId + "/review").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"approved\":true}")
                .post("/orders/" + orderId + "/review").then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("onHold", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"approved\":true}")
                .post("/orders/" + orderId + "/review").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/no-review-pending"));

        String rejected = placed(Shopper.customer());
        peers().authorized(rejected, reserved(rejected), "14.90", true);
        awaitStatus(rejected, "CONFIRMED");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"approved\":false}")
                .post("/orders/" + rejected + "/review").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("cancelReason", equalTo("MERCHANT_REQUEST"));
        assertThat(peers().orderEvent(rejected, "order-cancelled").getString("reason")).isEqualTo("MERCHANT_REQUEST");
    }

    @Test
    void checkout_needs_an_idempotency_key_a_cart_and_a_payment_method() {
        Shopper shopper = Shopper.customer();
        shopper.request().body("{\"cartId\":\"" + shopper.cartId() + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        shopper.request().header("Idempotency-Key", "k").body("{\"paymentMethod\":\"tok_approved\"}").post("/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("cartId"));
        shopper.request().header("Idempotency-Key", "k").body("{\"cartId\":\"" + shopper.cartId() + "\"}").post("/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("paymentMethod"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body("{\"cartId\":\"" + shopper.cartId() + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders")
                .then().statusCode(403);
    }
}
