package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Lines of a cart, priced from the read models that catalog and inventory events feed. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartItemsTest {

    private static CatalogFeed feed;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    static String guestCart(String currency) {
        return given().contentType(ContentType.JSON).body("{\"currency\":\"" + currency + "\"}").post("/carts")
                .then().statusCode(201).extract().path("id");
    }

    static Response add(String cartId, String sku, int quantity) {
        return given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                .post("/carts/" + cartId + "/items");
    }

    @Test
    void a_line_keeps_a_snapshot_of_the_sku_and_the_same_sku_again_adds_to_it() {
        CatalogFeed.Product shoe = feed.stocked(CatalogFeed.product().priced(
                "[{\"amount\":\"89.90\",\"currency\":\"EUR\",\"compareAtAmount\":\"109.90\"}]"), 10);
        String cart = guestCart("EUR");

        String location = add(cart, shoe.sku, 1).then().statusCode(201)
                .body("lines", hasSize(1))
                .body("lines[0].sku", equalTo(shoe.sku))
                .body("lines[0].productId", equalTo(shoe.productId()))
                .body("lines[0].name", equalTo("Product " + shoe.sku))
                .body("lines[0].options.size", equalTo("M"))
                .body("lines[0].imageUrl", equalTo("https://cdn.example.com/" + shoe.sku + ".jpg"))
                .body("lines[0].unitPrice.amount", equalTo("89.90"))
                .body("lines[0].compareAtPrice.amount", equalTo("109.90"))
                .body("lines[0].available", equalTo(true))
                .body("totals.subtotal.amount", equalTo("89.90"))
                .body("taxEstimated", equalTo(true))
                .extract().header("Location");
        assertThat(location).contains("/carts/" + cart + "/items/");

        add(cart, shoe.sku, 2).then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].quantity", equalTo(3))
                .body("lines[0].lineTotal.amount", equalTo("269.70"))
                .body("totals.grandTotal.amount", equalTo("269.70"));
    }

    @Test
    void lines_change_quantity_and_leave_and_every_change_moves_the_version() {
        CatalogFeed.Product shirt = feed.stocked(CatalogFeed.product().eur("19.99"), 10);
        String cart = guestCart("EUR");
        JsonPath added = add(cart, shirt.sku, 1).then().statusCode(201).extract().jsonPath();
        String line = added.getString("lines[0].id");
        int version = added.getInt("version");

        JsonPath changed = given().contentType(ContentType.JSON).body("{\"quantity\":4}")
                .patch("/carts/" + cart + "/items/" + line).then().statusCode(200)
                .body("lines[0].quantity", equalTo(4)).body("totals.subtotal.amount", equalTo("79.96"))
                .extract().jsonPath();
        assertThat(changed.getInt("version")).isGreaterThan(version);

        given().delete("/carts/" + cart + "/items/" + line).then().statusCode(200)
                .body("lines", hasSize(0)).body("totals.grandTotal.amount", equalTo("0.00"));
        given().contentType(ContentType.JSON).body("{\"quantity\":1}")
                .patch("/carts/" + cart + "/items/" + line).then().statusCode(422);
    }

    @Test
    void if_match_is_honoured_when_sent() {
        CatalogFeed.Product sock = feed.stocked(CatalogFeed.product(), 10);
        String cart = guestCart("EUR");
        String etag = given().get("/carts/" + cart).then().statusCode(200).extract().header("ETag");

        given().header("If-Match", etag).contentType(ContentType.JSON).body("{\"sku\":\"" + sock.sku + "\",\"quantity\":1}")
                .post("/carts/" + cart + "/items").then().statusCode(201);
        given().header("If-Match", etag).contentType(ContentType.JSON).body("{\"sku\":\"" + sock.sku + "\",\"quantity\":1}")
                .post("/carts/" + cart + "/items").then().statusCode(412)
                .body("type", equalTo("https://commerce.dev/problems/stale-version"));
    }

    @Test
    void refuses_skus_that_cannot_be_sold_in_the_carts_currency() {
        CatalogFeed.Product draft = feed.stocked(CatalogFeed.product().status("DRAFT"), 5);
        CatalogFeed.Product inactive = feed.stocked(CatalogFeed.product().variantActive(false), 5);
        CatalogFeed.Product dollarsOnly = feed.stocked(CatalogFeed.product()
                .priced("[{\"amount\":\"12.00\",\"currency\":\"USD\"}]"), 5);
        String cart = guestCart("EUR");

        add(cart, "NO-SUCH-SKU", 1).then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/sku-not-sellable"));
        add(cart, draft.sku, 1).then().statusCode(422);
        add(cart, inactive.sku, 1).then().statusCode(422);
        add(cart, dollarsOnly.sku, 1).then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("EUR"));
        add(guestCart("USD"), dollarsOnly.sku, 1).then().statusCode(201);
    }

    @Test
    void refuses_more_than_is_available_except_for_backorderable_skus() {
        CatalogFeed.Product scarce = feed.stocked(CatalogFeed.product(), 3);
        CatalogFeed.Product unstocked = feed.publish(CatalogFeed.product());
        CatalogFeed.Product backorder = feed.publish(CatalogFeed.product());
        feed.stock(backorder.sku, 0, "BACKORDERABLE");
        String cart = guestCart("EUR");

        add(cart, scarce.sku, 2).then().statusCode(201);
        add(cart, scarce.sku, 2).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/insufficient-stock"))
                .body("sku", equalTo(scarce.sku)).body("available", equalTo(3));
        add(cart, unstocked.sku, 1).then().statusCode(409).body("available", equalTo(0));
        add(cart, backorder.sku, 40).then().statusCode(201);
        given().get("/carts/" + cart).then().body("lines.quantity", org.hamcrest.Matchers.contains(2, 40));

        // a late delivery of an older level changes nothing: the three units are still there to sell
        feed.awaitHandled("cart-service.stock-levels", feed.publishStaleStock(scarce.sku, 0, 0, "OUT_OF_STOCK"));
        add(cart, scarce.sku, 1).then().statusCode(200); // to its existing line
        given().get("/carts/" + cart).then().body("lines.quantity", org.hamcrest.Matchers.contains(3, 40));
    }

    @Test
    void quantities_are_bounded_per_line() {
        CatalogFeed.Product plenty = feed.stocked(CatalogFeed.product(), 10_000);
        String cart = guestCart("EUR");
        add(cart, plenty.sku, 99).then().statusCode(201);
        add(cart, plenty.sku, 1).then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/quantity-limit")).body("maxQuantity", equalTo(99));
        add(cart, plenty.sku, 0).then().statusCode(400);
    }

    @Test
    void two_tabs_adding_at_the_same_moment_both_keep_their_lines() throws Exception {
        List<CatalogFeed.Product> products = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            products.add(feed.stocked(CatalogFeed.product(), 10));
        }
        String cart = guestCart("EUR");
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> adds = products.stream().map(product -> CompletableFuture.supplyAsync(
                    () -> add(cart, product.sku, 1).statusCode(), tabs)).toList();
            assertThat(adds.stream().map(CompletableFuture::join).toList()).containsOnly(201);
        } finally {
            tabs.shutdown();
        }
        JsonPath after = given().get("/carts/" + cart).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("lines.sku")).containsExactlyInAnyOrderElementsOf(products.stream().map(p -> p.sku).toList());
        assertThat(after.getInt("version")).isGreaterThanOrEqualTo(8);
    }

    @Test
    void a_price_change_reprices_open_carts_and_shows_the_previous_price_until_the_shopper_changes_the_cart() {
        CatalogFeed.Product lamp = feed.stocked(CatalogFeed.product().eur("40.00"), 10);
        CatalogFeed.Product bulb = feed.stocked(CatalogFeed.product().eur("5.00"), 10);
        String cart = guestCart("EUR");
        add(cart, lamp.sku, 1).then().statusCode(201);
        int before = given().get("/carts/" + cart).then().extract().path("version");

        feed.publish(lamp.eur("35.00"));
        JsonPath repriced = given().get("/carts/" + cart).then().statusCode(200)
                .body("lines[0].unitPrice.amount", equalTo("35.00"))
                .body("lines[0].previousUnitPrice.amount", equalTo("40.00"))
                .body("totals.subtotal.amount", equalTo("35.00")).extract().jsonPath();
        assertThat(repriced.getInt("version")).isGreaterThan(before);

        // a late delivery of an older state is ignored
        feed.awaitHandled(feed.publishStale(lamp.eur("99.00"), 1));
        given().get("/carts/" + cart).then().body("lines[0].unitPrice.amount", equalTo("35.00"));

        add(cart, bulb.sku, 1).then().statusCode(201)
                .body("lines[0].previousUnitPrice", nullValue());
    }

    @Test
    void an_archived_or_deactivated_product_makes_its_lines_unavailable_and_out_of_the_totals() {
        CatalogFeed.Product kept = feed.stocked(CatalogFeed.product().eur("10.00"), 10);
        CatalogFeed.Product archived = feed.stocked(CatalogFeed.product().eur("20.00"), 10);
        CatalogFeed.Product deactivated = feed.stocked(CatalogFeed.product().eur("30.00"), 10);
        String cart = guestCart("EUR");
        add(cart, kept.sku, 1).then().statusCode(201);
        add(cart, archived.sku, 1).then().statusCode(201);
        add(cart, deactivated.sku, 1).then().statusCode(201).body("totals.subtotal.amount", equalTo("60.00"));

        feed.archive(archived);
        feed.publish(deactivated.status("DRAFT"));

        given().get("/carts/" + cart).then().statusCode(200)
                .body("lines.available", org.hamcrest.Matchers.contains(true, false, false))
                .body("lines[1].unavailableReason", equalTo("DISCONTINUED"))
                .body("lines[1].total.amount", equalTo("0.00"))
                .body("totals.subtotal.amount", equalTo("10.00"));
        add(cart, archived.sku, 1).then().statusCode(422);

        feed.publish(deactivated.status("ACTIVE"));
        given().get("/carts/" + cart).then().body("lines[2].available", equalTo(true))
                .body("totals.subtotal.amount", equalTo("40.00"));
    }

    @Test
    void every_change_is_announced_as_cart_updated_with_the_whole_cart() {
        CatalogFeed.Product mug = feed.stocked(CatalogFeed.product().eur("12.50"), 10);
        String cart = guestCart("EUR");
        add(cart, mug.sku, 2).then().statusCode(201);
        try (EventProbe probe = EventProbe.of("cart.v1")) {
            List<EventProbe.ReceivedEvent> events = probe.awaitEvents(event -> cart.equals(event.key())
                    && "commerce.cart.cart-updated.v1".equals(event.header("ce_type")), 2, Duration.ofSeconds(30));
            events.forEach(event -> EventContracts.assertValidPayload(event.header("ce_type"), event.payload()));
            JsonPath last = JsonPath.from(events.get(events.size() - 1).payload());
            assertThat(last.getString("lines[0].sku")).isEqualTo(mug.sku);
            assertThat(last.getInt("lines[0].quantity")).isEqualTo(2);
            assertThat(last.getString("totals.subtotal.amount")).isEqualTo("25.00");
            assertThat(last.getString("status")).isEqualTo("OPEN");
        }
    }

    @Test
    void a_customer_edits_only_their_own_cart() {
        CatalogFeed.Product pen = feed.stocked(CatalogFeed.product(), 10);
        String owner = "customer-" + java.util.UUID.randomUUID();
        String cart = given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON)
                .body("{\"currency\":\"EUR\"}").post("/carts").then().extract().path("id");
        add(cart, pen.sku, 1).then().statusCode(404);
        given().auth().oauth2(TestTokens.customer("someone-else")).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + pen.sku + "\",\"quantity\":1}").post("/carts/" + cart + "/items").then().statusCode(404);
        given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + pen.sku + "\",\"quantity\":1}").post("/carts/" + cart + "/items").then().statusCode(201);
    }
}
