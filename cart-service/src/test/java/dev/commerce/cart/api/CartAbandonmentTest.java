package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Abandonment (the test profile: after 3 s of inactivity) and the deletion of old guest carts (after a day). */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartAbandonmentTest {

    private static final String ABANDONED = "commerce.cart.cart-abandoned.v1";
    private static CatalogFeed feed;
    private static EventProbe probe;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
        TestEvents.ensureTopic("cart.v1");
        probe = EventProbe.of("cart.v1");
    }

    @AfterAll
    static void disconnect() {
        feed.close();
        probe.close();
    }

    private List<EventProbe.ReceivedEvent> abandonments(String cart) {
        return probe.received().stream().filter(e -> cart.equals(e.key()) && ABANDONED.equals(e.header("ce_type"))).toList();
    }

    @Test
    void an_inactive_cart_with_items_is_announced_once_per_period_of_inactivity() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("15.00"), 10);
        String cart = CartItemsTest.guestCart("EUR");
        String empty = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, item.sku, 2).then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                {"email":"guest@example.com","shippingAddress":{"firstName":"G","lastName":"Uest","line1":"1 Road",
                 "postalCode":"1000","city":"Town","country":"DE"}}""").put("/carts/" + cart + "/addresses").then().statusCode(200);

        EventProbe.ReceivedEvent first = probe.awaitEvent(e -> cart.equals(e.key()) && ABANDONED.equals(e.header("ce_type")),
                Duration.ofSeconds(30));
        EventContracts.assertValidPayload(ABANDONED, first.payload());
        JsonPath payload = JsonPath.from(first.payload());
        assertThat(payload.getString("email")).isEqualTo("guest@example.com");
        assertThat(payload.getString("customerId")).isNull();
        assertThat(payload.getInt("lines[0].quantity")).isEqualTo(2);
        assertThat(payload.getString("total.amount")).isEqualTo("30.00");

        // the job runs every second: for 4 s more, still one announcement, and none for the empty cart
        Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> abandonments(cart).size() == 1 && abandonments(empty).isEmpty());

        CartItemsTest.add(cart, item.sku, 1).then().statusCode(200); // activity: a new period
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> abandonments(cart).size() == 2);
        assertThat(JsonPath.from(abandonments(cart).get(1).payload()).getInt("lines[0].quantity")).isEqualTo(3);
    }

    @Test
    void guest_carts_without_activity_past_their_retention_are_deleted() throws Exception {
        String old = CartItemsTest.guestCart("EUR");
        String recent = CartItemsTest.guestCart("EUR");
        String customers = given().auth().oauth2(TestTokens.customer("retention-" + UUID.randomUUID()))
                .contentType(ContentType.JSON).body("{\"currency\":\"EUR\"}").post("/carts").then().statusCode(201)
                .extract().path("id");
        for (String cart : List.of(old, customers)) {
            try (Connection db = TestDatabase.connect(); PreparedStatement backdate = db.prepareStatement("""
                    UPDATE cart SET last_activity_at = now() - interval '2 days',
                    activity_bucket = date_trunc('hour', now() - interval '2 days') WHERE id = ?::uuid""")) {
                backdate.setString(1, cart);
                backdate.executeUpdate();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/carts/" + old).statusCode() == 404);
        given().get("/carts/" + recent).then().statusCode(200);
        assertThat(countCarts(customers)).as("a customer's cart is kept").isEqualTo(1);
    }

    /**
     * A shopper's change must not touch an indexed column, or PostgreSQL cannot update the cart's row in place (HOT)
     * and adds an entry to every index of the table for each change: the jobs' indexes hold the activity's 5-minute
     * interval, not its exact time. A new index on one of these columns fails here.
     */
    @Test
    void no_index_of_carts_holds_a_column_the_shoppers_changes_move() throws Exception {
        List<String> moved = List.of("updated_at", "last_activity_at", "version", "email", "shipping_address",
                "billing_address", "shipping_method_id", "coupon_codes", "locale");
        List<String> definitions = new ArrayList<>();
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'cart'::regclass");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        assertThat(definitions).hasSizeGreaterThan(3);
        for (String definition : definitions) {
            for (String column : moved) {
                assertThat(definition).as(definition).doesNotContainPattern("\\b" + column + "\\b");
            }
        }
    }

    private static int countCarts(String id) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM cart WHERE id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
