package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Sign-in merge of a guest cart into the customer's cart. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartMergeTest {

    private static CatalogFeed feed;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    private static RequestSpecification as(String customer) {
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON);
    }

    private static io.restassured.response.Response merge(String customer, String guestCart) {
        return as(customer).body("{\"guestCartId\":\"" + guestCart + "\"}").post("/carts/mine/merge");
    }

    @Test
    void guest_lines_move_into_the_customers_cart_once_and_the_guest_cart_becomes_read_only() {
        CatalogFeed.Product shared = feed.stocked(CatalogFeed.product().eur("10.00"), 1_000);
        CatalogFeed.Product guestOnly = feed.stocked(CatalogFeed.product().eur("5.00"), 1_000);
        String customer = "customer-" + UUID.randomUUID();
        String mine = as(customer).body("{\"currency\":\"EUR\"}").post("/carts").then().statusCode(201).extract().path("id");
        as(customer).body("{\"sku\":\"" + shared.sku + "\",\"quantity\":90}").post("/carts/" + mine + "/items").then().statusCode(201);

        String guest = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(guest, shared.sku, 20).then().statusCode(201);
        CartItemsTest.add(guest, guestOnly.sku, 2).then().statusCode(201);

        merge(customer, guest).then().statusCode(200)
                .body("id", equalTo(mine))
                .body("lines.sku", containsInAnyOrder(shared.sku, guestOnly.sku))
                .body("lines.find { it.sku == '" + shared.sku + "' }.quantity", equalTo(99)) // 90 + 20, kept at the limit
                .body("lines.find { it.sku == '" + guestOnly.sku + "' }.quantity", equalTo(2));
        given().get("/carts/" + guest).then().statusCode(200).body("status", equalTo("MERGED"));
        CartItemsTest.add(guest, guestOnly.sku, 1).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/cart-not-editable"));

        // idempotent: the same merge again changes nothing
        merge(customer, guest).then().statusCode(200).body("id", equalTo(mine))
                .body("lines.find { it.sku == '" + guestOnly.sku + "' }.quantity", equalTo(2));
        merge("someone-else-" + UUID.randomUUID(), guest).then().statusCode(404);
    }

    @Test
    void a_customer_without_a_cart_gets_the_guest_lines_in_a_new_one_and_currencies_must_match() {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product()
                .priced("[{\"amount\":\"3.00\",\"currency\":\"EUR\"},{\"amount\":\"4.00\",\"currency\":\"USD\"}]"), 100);
        String customer = "customer-" + UUID.randomUUID();
        String guest = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(guest, item.sku, 3).then().statusCode(201);
        String mine = merge(customer, guest).then().statusCode(200).body("customerId", equalTo(customer))
                .body("lines[0].quantity", equalTo(3)).extract().path("id");
        as(customer).get("/carts/mine").then().body("id", equalTo(mine));

        String dollars = CartItemsTest.guestCart("USD");
        CartItemsTest.add(dollars, item.sku, 1).then().statusCode(201);
        merge(customer, dollars).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/currency-mismatch"));
        given().get("/carts/" + dollars).then().body("status", equalTo("OPEN"));
        merge(customer, UUID.randomUUID().toString()).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"guestCartId\":\"" + guest + "\"}").post("/carts/mine/merge")
                .then().statusCode(401);
    }
}
