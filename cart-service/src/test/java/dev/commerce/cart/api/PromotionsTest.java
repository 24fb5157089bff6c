package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Promotions on carts over the API. Automatic promotions here only reach carts in currencies no other test uses
 * (or lines of this test's SKUs), so the totals other tests expect do not move.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PromotionsTest {

    private static CatalogFeed feed;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    static String promotion(String json) {
        return asAdmin().body(json).post("/promotions").then().statusCode(201).extract().path("id");
    }

    static void code(String promotionId, String code, Integer usageLimit) {
        asAdmin().body("{\"code\":\"" + code + "\"" + (usageLimit == null ? "" : ",\"usageLimit\":" + usageLimit) + "}")
                .post("/promotions/" + promotionId + "/codes").then().statusCode(201);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static io.restassured.response.Response addCoupon(String cart, String code) {
        return given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + cart + "/coupons");
    }

    @Test
    void a_code_below_its_minimum_is_kept_and_says_what_is_missing_until_the_cart_qualifies() {
        String id = promotion("""
                {"name":"10% over 50","conditions":{"minSubtotal":[{"amount":"50.00","currency":"EUR"}]},
                 "action":{"type":"ORDER_PERCENTAGE","percent":10}}""");
        String code = unique("TEN");
        code(id, code, null);
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("37.50"), 10);
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(201);

        addCoupon(cart, code.toLowerCase()).then().statusCode(200)
                .body("coupons[0].code", equalTo(code))
                .body("coupons[0].applied", equalTo(false))
                .body("coupons[0].reason", equalTo("min-subtotal"))
                .body("coupons[0].message", equalTo("add 12.50 EUR more"))
                .body("totals.discount.amount", equalTo("0.00"));

        CartItemsTest.add(cart, item.sku, 1).then().statusCode(200)
                .body("coupons[0].applied", equalTo(true))
                .body("promotions[0].code", equalTo(code))
                .body("promotions[0].amount.amount", equalTo("7.50"))
                .body("totals.discount.amount", equalTo("7.50"))
                .body("totals.grandTotal.amount", equalTo("67.50"));

        given().delete("/carts/" + cart + "/coupons/" + code).then().statusCode(200)
                .body("coupons", hasSize(0)).body("totals.discount.amount", equalTo("0.00"));
    }

    @Test
    void invalid_and_expired_codes_are_refused_with_the_reason() {
        String cart = CartItemsTest.guestCart("EUR");
        addCoupon(cart, "NO-SUCH-CODE").then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/coupon-invalid"));
        String ended = promotion("""
                {"name":"Ended","startsAt":"2020-01-01T00:00:00Z","endsAt":"2020-02-01T00:00:00Z",
                 "action":{"type":"ORDER_PERCENTAGE","percent":10}}""");
        String code = unique("OLD");
        code(ended, code, null);
        addCoupon(cart, code).then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/coupon-expired"));
        String later = promotion("{\"name\":\"Later\",\"startsAt\":\"" + Instant.now().plusSeconds(86_400)
                + "\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}");
        String soon = unique("SOON");
        code(later, soon, null);
        addCoupon(cart, soon).then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/coupon-not-started"));
    }

    @Test
    void buy_two_get_one_free_then_an_order_discount_on_what_is_left() {
        CatalogFeed.Product tee = feed.stocked(CatalogFeed.product()
                .priced("[{\"amount\":\"100.00\",\"currency\":\"SEK\"}]"), 100);
        CatalogFeed.Product cap = feed.stocked(CatalogFeed.product()
                .priced("[{\"amount\":\"50.00\",\"currency\":\"SEK\"}]"), 100);
        promotion("{\"name\":\"3 for 2\",\"automatic\":true,\"priority\":1,\"action\":{\"type\":\"BUY_X_GET_Y\",\"buyQuantity\":2,"
                + "\"getQuantity\":1,\"target\":{\"skus\":[\"" + tee.sku + "\",\"" + cap.sku + "\"]}}}");
        promotion("""
                {"name":"SEK 10% off","automatic":true,"priority":2,
                 "conditions":{"minSubtotal":[{"amount":"1.00","currency":"SEK"}]},
                 "action":{"type":"ORDER_PERCENTAGE","percent":10}}""");
        String cart = CartItemsTest.guestCart("SEK");
        CartItemsTest.add(cart, tee.sku, 2).then().statusCode(201);
        // 2 tees + 1 cap: the cap (cheapest) is free; then 10% of the 200.00 left
        JsonPath priced = CartItemsTest.add(cart, cap.sku, 1).then().statusCode(201)
                .body("promotions.name", contains("3 for 2", "SEK 10% off"))
                .body("promotions.amount.amount", contains("50.00", "20.00"))
                .body("lines.find { it.sku == '" + cap.sku + "' }.total.amount", equalTo("0.00"))
                .body("totals.subtotal.amount", equalTo("250.00"))
                .body("totals.discount.amount", equalTo("70.00"))
                .body("totals.grandTotal.amount", equalTo("180.00"))
                .extract().jsonPath();
        List<String> totals = priced.getList("lines.total.amount");
        assertThat(totals.stream().map(java.math.BigDecimal::new).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("180.00");
    }

    @Test
    void an_exclusive_promotion_keeps_later_ones_away() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().priced("[{\"amount\":\"200.00\",\"currency\":\"NOK\"}]"), 10);
        promotion("{\"name\":\"NOK exclusive\",\"automatic\":true,\"priority\":1,\"exclusive\":true,"
                + "\"conditions\":{\"minSubtotal\":[{\"amount\":\"1\",\"currency\":\"NOK\"}]},"
                + "\"action\":{\"type\":\"ORDER_FIXED\",\"amounts\":[{\"amount\":\"25.00\",\"currency\":\"NOK\"}]}}");
        String blocked = promotion("{\"name\":\"NOK later\",\"priority\":5,"
                + "\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":50}}");
        String code = unique("HALF");
        code(blocked, code, null);
        String cart = CartItemsTest.guestCart("NOK");
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(201);
        addCoupon(cart, code).then().statusCode(200)
                .body("promotions.name", contains("NOK exclusive"))
                .body("coupons[0].applied", equalTo(false)).body("coupons[0].reason", equalTo("excluded"))
                .body("totals.grandTotal.amount", equalTo("175.00"));
    }

    @Test
    void the_loyalty_offer_counts_confirmed_orders_and_first_order_offers_only_new_customers() throws Exception {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().priced("[{\"amount\":\"100.00\",\"currency\":\"DKK\"}]"), 10);
        String loyal = promotion("""
                {"name":"Loyal 20%","conditions":{"minConfirmedOrders":2},"action":{"type":"ORDER_PERCENTAGE","percent":20}}""");
        String loyalCode = unique("LOYAL");
        code(loyal, loyalCode, null);
        String first = promotion("""
                {"name":"First order","conditions":{"firstOrder":true},"action":{"type":"ORDER_PERCENTAGE","percent":5}}""");
        String firstCode = unique("FIRST");
        code(first, firstCode, null);

        String customer = "customer-" + UUID.randomUUID();
        String cart = given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body("{\"currency\":\"DKK\"}").post("/carts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + item.sku + "\",\"quantity\":1}").post("/carts/" + cart + "/items").then().statusCode(201);
        for (String code : List.of(loyalCode, firstCode)) {
            given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                    .post("/carts/" + cart + "/coupons").then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.customer(customer)).get("/carts/" + cart).then()
                .body("promotions.name", contains("First order"))
                .body("coupons.find { it.code == '" + loyalCode + "' }.reason", equalTo("loyalty"));

        try (TestEvents orders = TestEvents.as("order-service")) {
            for (int i = 0; i < 2; i++) {
                String orderId = UUID.randomUUID().toString();
                orders.publish("order.v1", "commerce.order.order-confirmed.v1", orderId, 3,
                        "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer + "\"}");
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> confirmedOrders(customer) == 2);
        given().auth().oauth2(TestTokens.customer(customer)).get("/carts/" + cart).then()
                .body("promotions.name", contains("Loyal 20%"))
                .body("coupons.find { it.code == '" + firstCode + "' }.reason", equalTo("first-order"))
                .body("totals.grandTotal.amount", equalTo("80.00"));
    }

    @Test
    void customer_service_s_groups_and_order_counts_unlock_group_and_loyalty_promotions() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().priced("[{\"amount\":\"100.00\",\"currency\":\"SEK\"}]"), 10);
        String group = unique("grp").toLowerCase();
        promotion("""
                {"name":"Members 10%%","automatic":true,"conditions":{"customerGroups":["%s"]},
                 "action":{"type":"ORDER_PERCENTAGE","percent":10}}""".formatted(group));
        String veteranCode = unique("VETERAN");
        code(promotion("""
                {"name":"Veterans 30%","conditions":{"minConfirmedOrders":5},"action":{"type":"ORDER_PERCENTAGE","percent":30}}"""),
                veteranCode, null);
        String member = UUID.randomUUID().toString();
        String outsider = UUID.randomUUID().toString();
        String memberCart = cartWith(member, item.sku);
        String outsiderCart = cartWith(outsider, item.sku);
        given().auth().oauth2(TestTokens.customer(member)).get("/carts/" + memberCart).then().body("promotions", org.hamcrest.Matchers.empty());

        TestEvents.ensureTopic("customer.v1");
        try (TestEvents customers = TestEvents.as("customer-service")) {
            customers.publish("customer.v1", "commerce.customer.customer-upserted.v1", member, 2, upserted(member, group, 5));
            // an older state of the member arriving late changes nothing
            customers.publish("customer.v1", "commerce.customer.customer-upserted.v1", member, 1, upserted(member, null, 0));
            customers.publish("customer.v1", "commerce.customer.customer-upserted.v1", outsider, 1, upserted(outsider, null, 1));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.customer(member)).get("/carts/" + memberCart).then()
                        .body("promotions.name", contains("Members 10%")).body("totals.grandTotal.amount", equalTo("90.00")));
        given().auth().oauth2(TestTokens.customer(member)).contentType(ContentType.JSON).body("{\"code\":\"" + veteranCode + "\"}")
                .post("/carts/" + memberCart + "/coupons").then().statusCode(200)
                .body("promotions.name", org.hamcrest.Matchers.containsInAnyOrder("Members 10%", "Veterans 30%"));
        given().auth().oauth2(TestTokens.customer(outsider)).get("/carts/" + outsiderCart).then()
                .body("promotions", org.hamcrest.Matchers.empty()).body("totals.grandTotal.amount", equalTo("100.00"));
    }

    private static String cartWith(String customer, String sku) {
        String cart = given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body("{\"currency\":\"SEK\"}").post("/carts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"quantity\":1}").post("/carts/" + cart + "/items").then().statusCode(201);
        return cart;
    }

    private static String upserted(String customerId, String group, int confirmedOrders) {
        return """
                {"customerId":"%s","email":"%s@example.com","name":"Ana","emailVerified":true,"status":"ACTIVE",
                 "groups":%s,"confirmedOrders":%d,"createdAt":"2026-12-03T09:00:00Z","updatedAt":"2026-12-03T09:00:00Z"}"""
                .formatted(customerId, customerId, group == null ? "[]" : "[\"" + group + "\"]", confirmedOrders);
    }

    @Test
    void bulk_generated_codes_are_unique_and_single_use() {
        String id = promotion("{\"name\":\"Bulk\",\"action\":{\"type\":\"FREE_SHIPPING\"}}");
        List<String> codes = asAdmin().body("{\"count\":200,\"prefix\":\"XMAS-\",\"length\":8}")
                .post("/promotions/" + id + "/codes/generate").then().statusCode(201).extract().jsonPath().getList("code");
        assertThat(codes).hasSize(200).doesNotHaveDuplicates().allMatch(code -> code.matches("XMAS-[A-Z2-9]{8}"));
        asAdmin().queryParam("limit", 1000).get("/promotions/" + id + "/codes").then().statusCode(200)
                .body("size()", equalTo(200)).body("usageLimit", org.hamcrest.Matchers.everyItem(equalTo(1)));
    }

    @Test
    void promotions_are_admin_resources_with_if_match_and_validated_actions() {
        String id = promotion("{\"name\":\"Edit me\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}");
        asAdmin().body("{\"name\":\"Edited\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":15}}")
                .put("/promotions/" + id).then().statusCode(428);
        String etag = asAdmin().get("/promotions/" + id).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).body("{\"name\":\"Edited\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":15}}")
                .put("/promotions/" + id).then().statusCode(200).body("name", equalTo("Edited"));
        asAdmin().body("{\"name\":\"Bad\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":150}}").post("/promotions")
                .then().statusCode(400).body("errors[0].field", equalTo("action.percent"));
        asAdmin().body("{\"name\":\"Bad\",\"action\":{\"type\":\"BUY_X_GET_Y\"}}").post("/promotions").then().statusCode(400);
        String code = unique("DUP");
        code(id, code, null);
        asAdmin().body("{\"code\":\"" + code + "\"}").post("/promotions/" + id + "/codes").then().statusCode(409);
        given().auth().oauth2(TestTokens.customer("c")).get("/promotions").then().statusCode(403);
    }

    private static int confirmedOrders(String customer) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT confirmed_orders FROM customer_order_count WHERE customer_id = ?")) {
            query.setString(1, customer);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }
}
