package dev.commerce.order.checkout;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * After the sale, on real PostgreSQL and Kafka: partial shipments with the amounts they capture, deliveries, returns
 * with the amounts they refund, payment's captures and refunds shown on the order, and the back office's listing.
 * Every event order-service publishes is checked against its contract.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
@QuarkusTestResource(FakeCartService.class)
class FulfillmentTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static SagaPeers peers;

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

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static RequestSpecification customer(String customerId) {
        return given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON);
    }

    private static JsonPath order(String orderId) {
        return admin().get("/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitOrder(String orderId, String path, Object expected) {
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> assertThat(order(orderId).<Object>get(path)).isEqualTo(expected));
    }

    /** A confirmed order of two lines (3 x SKU-A for 20.00, 1 x SKU-B for 5.00, 4.90 shipping) of a new customer. */
    private static String confirmedOrder(String customerId) {
        UUID cartId = UUID.randomUUID();
        FakeCartService.answer(cartId, new FakeCartService.Answer(200, Snapshots.twoLines(cartId, customerId, customerId + "@example.com")));
        String orderId = customer(customerId).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"cartId\":\"" + cartId + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders")
                .then().statusCode(202).extract().path("id");
        peers().orderEvent(orderId, "order-placed");
        peers().stockReserved(orderId);
        String attempt = peers().orderEvent(orderId, "payment-requested").getString("paymentAttemptId");
        peers().authorized(orderId, attempt, "29.90", false);
        awaitOrder(orderId, "status", "CONFIRMED");
        return orderId;
    }

    private static String shipment(String lines) {
        return "{\"lines\":" + lines + ",\"carrier\":\"DHL\",\"trackingNumber\":\"00340434161094042557\"}";
    }

    @Test
    void an_order_ships_in_two_parcels_capturing_its_grand_total_then_is_delivered_returned_and_refunded() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = confirmedOrder(customerId);

        // the first parcel: one unit of SKU-A (6.66 of its 20.00) and the shipping (4.90)
        String key = UUID.randomUUID().toString();
        String first = admin().header("Idempotency-Key", key).body(shipment("[{\"sku\":\"SKU-A\",\"quantity\":1}]"))
                .post("/orders/" + orderId + "/shipments").then().statusCode(201)
                .body("captureAmount.amount", equalTo("11.56")).body("carrier", equalTo("DHL"))
                .extract().path("id");
        admin().header("Idempotency-Key", key).body(shipment("[{\"sku\":\"SKU-A\",\"quantity\":1}]"))
                .post("/orders/" + orderId + "/shipments").then().statusCode(200).body("id", equalTo(first));
        JsonPath shipped = peers().orderEvent(orderId, "order-shipped");
        assertThat(shipped.getString("shipmentId")).isEqualTo(first);
        assertThat(shipped.getString("captureAmount.amount")).isEqualTo("11.56");
        assertThat(shipped.getString("lines[0].sku")).isEqualTo("SKU-A");
        assertThat(shipped.getString("trackingNumber")).isEqualTo("00340434161094042557");
        assertThat(order(orderId).getString("status")).isEqualTo("SHIPPED");
        assertThat(order(orderId).getInt("lines[0].shipped")).isEqualTo(1);

        // after a shipment the way back is a return, and no unit ships twice
        customer(customerId).post("/orders/" + orderId + "/cancellation").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/order-not-cancellable"));
        admin().body(shipment("[{\"sku\":\"SKU-A\",\"quantity\":3}]")).post("/orders/" + orderId + "/shipments")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/quantity-exceeds-unshipped"))
                .body("available", equalTo(2));
        admin().body(shipment("[{\"sku\":\"NOPE\",\"quantity\":1}]")).post("/orders/" + orderId + "/shipments")
                .then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/unknown-order-line"));
        customer(customerId).body(shipment("[{\"sku\":\"SKU-B\",\"quantity\":1}]")).post("/orders/" + orderId + "/shipments")
                .then().statusCode(403);

        // the rest: 13.34 of SKU-A and 5.00 of SKU-B; the captures add up to the grand total
        String second = admin().body(shipment("[{\"sku\":\"SKU-A\",\"quantity\":2},{\"sku\":\"SKU-B\",\"quantity\":1}]"))
                .post("/orders/" + orderId + "/shipments").then().statusCode(201)
                .body("captureAmount.amount", equalTo("18.34")).extract().path("id");
        assertThat(peers().orderEvent(orderId, "order-shipped", 2).getString("captureAmount.amount")).isEqualTo("18.34");

        customer(customerId).body("{\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":1}]}").post("/orders/" + orderId + "/returns")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/order-not-delivered"));

        admin().post("/orders/" + orderId + "/shipments/" + first + "/delivery").then().statusCode(200)
                .body("status", equalTo("SHIPPED"));
        admin().post("/orders/" + orderId + "/shipments/" + second + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("shipments.size()", equalTo(2))
                .body("lines[0].delivered", equalTo(3));
        admin().post("/orders/" + orderId + "/shipments/" + second + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        assertThat(peers().orderEvent(orderId, "order-delivered", 2).getString("shipmentId")).isEqualTo(second);
        admin().post("/orders/" + orderId + "/shipments/" + UUID.randomUUID() + "/delivery").then().statusCode(404);
        assertThat(order(orderId).getList("timeline.status")).containsSubsequence("CONFIRMED", "SHIPPED", "DELIVERED");
        customer(customerId).get("/orders/" + orderId + "/shipments").then().statusCode(200)
                .body("id", equalTo(java.util.List.of(first, second)));
        customer("someone-else").get("/orders/" + orderId + "/shipments").then().statusCode(404);

        // the customer sends two units of SKU-A back: 13.33, their share of the line; the shipping stays paid
        String returnId = customer(customerId).body("{\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":2}],\"reason\":\"too small\"}")
                .post("/orders/" + orderId + "/returns").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .body("refundAmount.amount", equalTo("13.33")).extract().path("id");
        JsonPath requested = peers().orderEvent(orderId, "return-requested");
        assertThat(requested.getString("returnId")).isEqualTo(returnId);
        assertThat(requested.getString("reason")).isEqualTo("too small");
        assertThat(requested.getString("refundAmount.amount")).isEqualTo("13.33");
        customer(customerId).body("{\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":2}]}").post("/orders/" + orderId + "/returns")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/quantity-exceeds-returnable"))
                .body("available", equalTo(1));
        customer("someone-else").body("{\"lines\":[{\"sku\":\"SKU-A\",\"quantity\":1}]}").post("/orders/" + orderId + "/returns")
                .then().statusCode(404);

        admin().queryParam("orderId", orderId).queryParam("status", "REQUESTED").get("/returns").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(returnId))).body("items[0].lines[0].quantity", equalTo(2));
        admin().queryParam("status", "LOST").get("/returns").then().statusCode(400).body("errors[0].field", equalTo("status"));
        customer(customerId).get("/returns").then().statusCode(403);

        customer(customerId).post("/returns/" + returnId + "/receipt").then().statusCode(403);
        admin().post("/returns/" + returnId + "/receipt").then().statusCode(200).body("status", equalTo("RECEIVED"));
        admin().post("/returns/" + returnId + "/receipt").then().statusCode(200).body("status", equalTo("RECEIVED"));
        JsonPath received = peers().orderEvent(orderId, "return-received");
        assertThat(received.getString("returnId")).isEqualTo(returnId);
        assertThat(received.getString("refundAmount.amount")).isEqualTo("13.33");
        assertThat(received.getString("lines[0].sku")).isEqualTo("SKU-A");
        assertThat(received.getInt("lines[0].quantity")).isEqualTo(2);
        assertThat(peers().orderEvents(orderId).stream().filter("return-received"::equals).count()).isEqualTo(1);

        // payment-service's captures and refund show on the order
        peers().captured(orderId, "11.56");
        peers().captured(orderId, "18.34");
        peers().refunded(orderId, returnId, "13.33");
        awaitOrder(orderId, "refunded.amount", "13.33");
        awaitOrder(orderId, "returns[0].status", "REFUNDED");
        assertThat(order(orderId).getString("captured.amount")).isEqualTo("29.90");
        assertThat(order(orderId).getInt("lines[0].returned")).isEqualTo(2);
        admin().get("/returns/" + returnId).then().statusCode(200).body("status", equalTo("REFUNDED"));
        admin().queryParam("orderId", orderId).queryParam("status", "REQUESTED").get("/returns").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void an_order_on_hold_for_review_does_not_ship_until_approved() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        UUID cartId = UUID.randomUUID();
        FakeCartService.answer(cartId, new FakeCartService.Answer(200, Snapshots.twoLines(cartId, customerId, customerId + "@example.com")));
        String orderId = customer(customerId).header("Idempotency-Key", "k").body("{\"cartId\":\"" + cartId
                + "\",\"paymentMethod\":\"tok_approved\"}").post("/orders").then().statusCode(202).extract().path("id");
        peers().stockReserved(orderId);
        peers().authorized(orderId, peers().orderEvent(orderId, "payment-requested").getString("paymentAttemptId"), "29.90", true);
        awaitOrder(orderId, "onHold", true);

        admin().body(shipment("[{\"sku\":\"SKU-B\",\"quantity\":1}]")).post("/orders/" + orderId + "/shipments")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/order-not-shippable"));
        admin().body("{\"approved\":true}").post("/orders/" + orderId + "/review").then().statusCode(200);
        admin().body(shipment("[{\"sku\":\"SKU-B\",\"quantity\":1}]")).post("/orders/" + orderId + "/shipments")
                .then().statusCode(201).body("captureAmount.amount", equalTo("9.90"));
    }

    @Test
    void the_back_office_lists_orders_by_status_time_customer_and_number_with_cursor_paging() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        String firstOrder = confirmedOrder(customerId);
        String secondOrder = confirmedOrder(customerId);
        admin().body(shipment("[{\"sku\":\"SKU-B\",\"quantity\":1}]")).post("/orders/" + secondOrder + "/shipments")
                .then().statusCode(201);
        String number = order(firstOrder).getString("orderNumber");

        admin().queryParam("customerId", customerId).get("/orders").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(secondOrder, firstOrder)));
        JsonPath page = admin().queryParam("customerId", customerId).queryParam("limit", 1).get("/orders")
                .then().statusCode(200).body("items.id", equalTo(java.util.List.of(secondOrder))).extract().jsonPath();
        admin().queryParam("customerId", customerId).queryParam("limit", 1).queryParam("cursor", page.getString("nextCursor"))
                .get("/orders").then().statusCode(200).body("items.id", equalTo(java.util.List.of(firstOrder)));
        admin().queryParam("customerId", customerId).queryParam("status", "SHIPPED").get("/orders").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(secondOrder)));
        admin().queryParam("number", number).get("/orders").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(firstOrder)));
        admin().queryParam("customerId", customerId).queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).get("/orders").then().statusCode(200)
                .body("items.size()", equalTo(2));
        admin().queryParam("customerId", customerId).queryParam("to", before.toString()).get("/orders").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner()).queryParam("status", "shipped").get("/orders").then().statusCode(200)
                .body("items.id", hasItem(secondOrder)).body("items.id", not(hasItem(firstOrder)));

        customer(customerId).queryParam("status", "CONFIRMED").get("/orders").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(firstOrder)));
        customer("someone-else").queryParam("customerId", customerId).get("/orders").then().statusCode(403);
        admin().queryParam("status", "LOST").get("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("from", "yesterday").get("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
