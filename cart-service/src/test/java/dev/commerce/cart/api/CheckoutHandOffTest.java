package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The checkout hand-off order-service makes with its service credential, and what the order's events do after it. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CheckoutHandOffTest {

    private static CatalogFeed feed;
    private static String method;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
    }

    /** The method Czech carts of this test ship by (created on first use: the API is up only once a test runs). */
    private static synchronized String method() {
        if (method != null) {
            return method;
        }
        String zone = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"CZ\",\"countries\":[\"CZ\"]}").post("/shipping-zones").then().statusCode(201).extract().path("id");
        method = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"zoneId\":\"" + zone + "\",\"name\":\"PPL\",\"basis\":\"WEIGHT\",\"bands\":[{\"currency\":\"EUR\",\"from\":\"0\",\"price\":\"3.00\"}]}")
                .post("/shipping-methods").then().statusCode(201).extract().path("id");
        return method;
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    private static RequestSpecification asService() {
        return given().auth().oauth2(TestTokens.service()).contentType(ContentType.JSON);
    }

    static Response handOff(String cart, String orderId, String customerId) {
        return asService().body("{\"orderId\":\"" + orderId + "\",\"customerId\":" + (customerId == null ? "null" : "\"" + customerId + "\"") + "}")
                .post("/carts/" + cart + "/checkout");
    }

    /** A guest cart with one line, email, Czech address and shipping method: ready for checkout. */
    static String readyCart(CatalogFeed.Product product, int quantity) {
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, product.sku, quantity).then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"email":"ada@example.com","locale":"cs-CZ","shippingAddress":{"firstName":"Ada","lastName":"Lovelace",
                 "line1":"Na Prikope 1","postalCode":"11000","city":"Praha","country":"CZ"}}""")
                .put("/carts/" + cart + "/addresses").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + method() + "\"}")
                .put("/carts/" + cart + "/shipping-method").then().statusCode(200);
        return cart;
    }

    @Test
    void a_ready_cart_is_frozen_and_its_snapshot_returned_once_per_order() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("20.00"), 10);
        String cart = readyCart(item, 2);
        String orderId = UUID.randomUUID().toString();

        Response first = handOff(cart, orderId, null);
        first.then().statusCode(200)
                .body("orderId", equalTo(orderId)).body("cartId", equalTo(cart)).body("email", equalTo("ada@example.com"))
                .body("locale", equalTo("cs-CZ")).body("shippingMethod.name", equalTo("PPL"))
                .body("lines[0].quantity", equalTo(2)).body("lines[0].unitPrice.amount", equalTo("20.00"))
                .body("totals.grandTotal.amount", equalTo("43.00"));
        EventContracts.assertValidDocument("cart/checkout-snapshot.v1.json", first.asString());

        given().get("/carts/" + cart).then().body("status", equalTo("CHECKING_OUT"));
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/cart-not-editable"));
        handOff(cart, orderId, null).then().statusCode(200).body("frozenAt", equalTo(first.path("frozenAt")));
        handOff(cart, UUID.randomUUID().toString(), null).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/cart-checking-out"));
    }

    /**
     * A line added while the catalog consumer re-priced the open carts holding its SKU is invisible to that
     * consumer's query and keeps the price its request read. The read model is changed here without the carry into
     * carts, as that race leaves it: the hand-off must take the read model's word, not the line's.
     */
    @Test
    void a_price_the_catalog_changed_without_reaching_the_line_is_taken_at_hand_off() throws Exception {
        CatalogFeed.Product repriced = feed.stocked(CatalogFeed.product().eur("20.00"), 10);
        String cart = readyCart(repriced, 2);
        setReadModel(repriced.sku, "prices = '{\"EUR\": {\"amount\": 25.00, \"compareAtAmount\": null}}'::jsonb");

        handOff(cart, UUID.randomUUID().toString(), null).then().statusCode(200)
                .body("lines[0].unitPrice.amount", equalTo("25.00"))
                .body("totals.grandTotal.amount", equalTo("53.00"));

        CatalogFeed.Product withdrawn = feed.stocked(CatalogFeed.product().eur("20.00"), 10);
        String other = readyCart(withdrawn, 1);
        setReadModel(withdrawn.sku, "sellable = false");
        handOff(other, UUID.randomUUID().toString(), null).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/unavailable-lines")).body("skus", contains(withdrawn.sku));
    }

    private static void setReadModel(String sku, String assignment) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement update = db.prepareStatement("UPDATE sellable_variant SET " + assignment + " WHERE sku = ?")) {
            update.setString(1, sku);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void only_the_service_credential_may_hand_off() {
        String cart = CartItemsTest.guestCart("EUR");
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":null}";
        given().contentType(ContentType.JSON).body(body).post("/carts/" + cart + "/checkout").then().statusCode(401);
        for (String token : List.of(TestTokens.customer("c"), TestTokens.admin(), TestTokens.partner())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/carts/" + cart + "/checkout")
                    .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.service()).get("/tax-rates").then().statusCode(403);
    }

    @Test
    void refuses_carts_that_cannot_be_ordered() {
        handOff(CartItemsTest.guestCart("EUR"), UUID.randomUUID().toString(), null).then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/cart-empty"));

        CatalogFeed.Product item = feed.stocked(CatalogFeed.product(), 10);
        String bare = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(bare, item.sku, 1).then().statusCode(201);
        handOff(bare, UUID.randomUUID().toString(), null).then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/checkout-details-missing"))
                .body("missing", contains("email", "shippingAddress", "shippingMethod"));

        CatalogFeed.Product scarce = feed.stocked(CatalogFeed.product(), 5);
        String tooMany = readyCart(scarce, 4);
        feed.stock(scarce.sku, 2, "LOW_STOCK");
        handOff(tooMany, UUID.randomUUID().toString(), null).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/insufficient-stock"))
                .body("lines[0].sku", equalTo(scarce.sku)).body("lines[0].requested", equalTo(4)).body("lines[0].available", equalTo(2));

        CatalogFeed.Product gone = feed.stocked(CatalogFeed.product(), 5);
        String withGone = readyCart(gone, 1);
        feed.archive(gone);
        handOff(withGone, UUID.randomUUID().toString(), null).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/unavailable-lines")).body("skus", contains(gone.sku));

        handOff(readyCart(item, 1), UUID.randomUUID().toString(), "customer-x").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/cart-owner-mismatch"));
    }

    @Test
    void order_placed_makes_the_cart_ordered_and_order_cancelled_releases_its_code() throws Exception {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("50.00"), 10);
        String promotion = PromotionsTest.promotion("{\"name\":\"Single\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}");
        String code = PromotionsTest.unique("ONCE");
        PromotionsTest.code(promotion, code, 1);
        String cart = readyCart(item, 1);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + cart + "/coupons")
                .then().statusCode(200).body("totals.discount.amount", equalTo("5.00"));
        String orderId = UUID.randomUUID().toString();
        handOff(cart, orderId, null).then().statusCode(200).body("promotions[0].code", equalTo(code)).body("codes", contains(code));

        String other = readyCart(item, 1);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + other + "/coupons")
                .then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/coupon-used-up"));

        try (TestEvents orders = TestEvents.as("order-service")) {
            orders.publish("order.v1", "commerce.order.order-placed.v1", orderId, 1, orderPlaced(orderId, cart));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    "ORDERED".equals(given().get("/carts/" + cart).path("status")));
            orders.publish("order.v1", "commerce.order.order-cancelled.v1", orderId, 2,
                    "{\"orderId\":\"" + orderId + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> usages(code, "RELEASED") == 1);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + other + "/coupons")
                .then().statusCode(200).body("coupons[0].applied", equalTo(true));
    }

    @Test
    void a_hand_off_without_order_placed_in_time_reopens_the_cart_and_releases_its_usages() throws Exception {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("30.00"), 10);
        String promotion = PromotionsTest.promotion("{\"name\":\"Deadline\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}");
        String code = PromotionsTest.unique("LATE");
        PromotionsTest.code(promotion, code, 1);
        String cart = readyCart(item, 1);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + cart + "/coupons").then().statusCode(200);
        handOff(cart, UUID.randomUUID().toString(), null).then().statusCode(200);
        assertThat(usages(code, "REDEEMED")).isEqualTo(1);

        // the test profile's deadline is 4 s
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> "OPEN".equals(given().get("/carts/" + cart).path("status")));
        assertThat(usages(code, "RELEASED")).isEqualTo(1);
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(200);
    }

    @Test
    void a_per_customer_limit_counts_guests_by_their_checkout_email() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("40.00"), 100);
        String promotion = PromotionsTest.promotion("""
                {"name":"Once per shopper","perCustomerLimit":1,"action":{"type":"ORDER_FIXED","amounts":[{"amount":"5.00","currency":"EUR"}]}}""");
        String code = PromotionsTest.unique("ONCEPP");
        PromotionsTest.code(promotion, code, null);
        String first = readyCart(item, 1); // email ada@example.com
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + first + "/coupons")
                .then().statusCode(200).body("totals.discount.amount", equalTo("5.00"));
        handOff(first, UUID.randomUUID().toString(), null).then().statusCode(200);

        String again = readyCart(item, 1); // the same email: the same shopper
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + again + "/coupons")
                .then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/coupon-used-up"));

        String someoneElse = readyCart(item, 1);
        given().contentType(ContentType.JSON).body("""
                {"email":"grace@example.com","shippingAddress":{"firstName":"Grace","lastName":"Hopper",
                 "line1":"Na Prikope 2","postalCode":"11000","city":"Praha","country":"CZ"}}""")
                .put("/carts/" + someoneElse + "/addresses").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + method() + "\"}")
                .put("/carts/" + someoneElse + "/shipping-method").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + someoneElse + "/coupons")
                .then().statusCode(200).body("coupons[0].applied", equalTo(true));
        handOff(someoneElse, UUID.randomUUID().toString(), null).then().statusCode(200)
                .body("promotions[0].amount.amount", equalTo("5.00"));
    }

    @Test
    void a_free_shipping_code_takes_the_shipping_price_off() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("25.00"), 100);
        String promotion = PromotionsTest.promotion("{\"name\":\"Free shipping\",\"action\":{\"type\":\"FREE_SHIPPING\"}}");
        String code = PromotionsTest.unique("SHIPFREE");
        PromotionsTest.code(promotion, code, null);
        String cart = readyCart(item, 1);
        given().get("/carts/" + cart).then().body("totals.shipping.amount", equalTo("3.00"))
                .body("totals.grandTotal.amount", equalTo("28.00"));
        given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + cart + "/coupons")
                .then().statusCode(200)
                .body("promotions[0].freeShipping", equalTo(true))
                .body("promotions[0].amount.amount", equalTo("3.00"))
                .body("totals.shipping.amount", equalTo("3.00"))
                .body("totals.discount.amount", equalTo("3.00"))
                .body("totals.grandTotal.amount", equalTo("25.00"));
        handOff(cart, UUID.randomUUID().toString(), null).then().statusCode(200)
                .body("shippingMethod.discount.amount", equalTo("3.00"))
                .body("totals.grandTotal.amount", equalTo("25.00"));
    }

    @Test
    void fifty_checkouts_racing_for_a_code_with_ten_uses_redeem_exactly_ten() throws Exception {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("10.00"), 10_000);
        String promotion = PromotionsTest.promotion("{\"name\":\"Ten uses\",\"action\":{\"type\":\"ORDER_PERCENTAGE\",\"percent\":10}}");
        String code = PromotionsTest.unique("RACE");
        PromotionsTest.code(promotion, code, 10);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String cart = readyCart(item, 1);
            given().contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}").post("/carts/" + cart + "/coupons")
                    .then().statusCode(200);
            carts.add(cart);
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> checkouts = carts.stream().map(cart -> CompletableFuture.supplyAsync(
                    () -> handOff(cart, UUID.randomUUID().toString(), null).statusCode(), pool)).toList();
            statuses = checkouts.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(10);
        assertThat(statuses.stream().filter(status -> status == 422)).hasSize(40);
        assertThat(usages(code, "REDEEMED") + usages(code, "RELEASED")).isEqualTo(10);
    }

    private static String orderPlaced(String orderId, String cartId) {
        return """
                {"orderId":"%s","orderNumber":"C-1","cartId":"%s","customerId":"guest",
                 "lines":[{"sku":"S","quantity":1,"unitPrice":{"amount":"50.00","currency":"EUR"},"lineTotal":{"amount":"50.00","currency":"EUR"}}],
                 "totals":{"subtotal":"50.00","discount":"5.00","shipping":"3.00","tax":"0.00","grandTotal":"48.00","currency":"EUR"}}"""
                .formatted(orderId, cartId);
    }

    private static int usages(String code, String status) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM promotion_usage WHERE code = ? AND status = ?")) {
            query.setString(1, code);
            query.setString(2, status);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
