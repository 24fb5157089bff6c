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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Addresses, shipping zones and methods, and what they do to a cart's totals and tax. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartShippingTest {

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

    private static String zone(String... countries) {
        return asAdmin().body("{\"name\":\"Zone\",\"countries\":[\"" + String.join("\",\"", countries) + "\"]}")
                .post("/shipping-zones").then().statusCode(201).extract().path("id");
    }

    private static String method(String zoneId, String name, String basis, String bands, String freeAbove) {
        return asAdmin().body("{\"zoneId\":\"" + zoneId + "\",\"name\":\"" + name + "\",\"basis\":\"" + basis
                        + "\",\"bands\":" + bands + ",\"freeAbove\":" + freeAbove + "}")
                .post("/shipping-methods").then().statusCode(201).extract().path("id");
    }

    private static String address(String country) {
        return "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"line1\":\"1 Main St\",\"postalCode\":\"12345\","
                + "\"city\":\"Town\",\"country\":\"" + country + "\"}";
    }

    private static io.restassured.response.Response putAddress(String cart, String email, String country) {
        String emailField = email == null ? "" : "\"email\":\"" + email + "\",";
        return given().contentType(ContentType.JSON).body("{" + emailField + "\"shippingAddress\":" + address(country) + "}")
                .put("/carts/" + cart + "/addresses");
    }

    @Test
    void methods_are_priced_by_weight_or_value_bands_and_free_above_a_threshold() {
        // countries of this test alone: Iceland and Norway
        String north = zone("IS", "NO");
        String byWeight = method(north, "Parcel", "WEIGHT",
                "[{\"currency\":\"EUR\",\"from\":\"0\",\"upTo\":\"1000\",\"price\":\"4.90\"},"
                        + "{\"currency\":\"EUR\",\"from\":\"1000\",\"price\":\"9.90\"}]", "[{\"amount\":\"100.00\",\"currency\":\"EUR\"}]");
        String byValue = method(north, "Express", "ORDER_VALUE",
                "[{\"currency\":\"EUR\",\"from\":\"0\",\"upTo\":\"50\",\"price\":\"15.00\"}]", "[]");
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("30.00"), 100); // 500 g each
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(201);

        putAddress(cart, null, "IS").then().statusCode(400).body("errors[0].field", equalTo("email"));
        putAddress(cart, "ada@example.com", "IS").then().statusCode(200)
                .body("taxEstimated", equalTo(false)).body("taxCountry", equalTo("IS"))
                .body("email", equalTo("ada@example.com")).body("billingAddress.country", equalTo("IS"));

        given().get("/carts/" + cart + "/shipping-methods").then().statusCode(200)
                .body("country", equalTo("IS")).body("estimated", equalTo(false))
                .body("items.name", contains("Express", "Parcel"))
                .body("items.price.amount", contains("15.00", "4.90"));

        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + byWeight + "\"}")
                .put("/carts/" + cart + "/shipping-method").then().statusCode(200)
                .body("shippingMethod.name", equalTo("Parcel"))
                .body("totals.shipping.amount", equalTo("4.90"))
                .body("totals.grandTotal.amount", equalTo("34.90"));

        // a third unit weighs 1500 g: the next band; a fourth makes the goods 120.00: free
        CartItemsTest.add(cart, item.sku, 2).then().statusCode(200).body("totals.shipping.amount", equalTo("9.90"));
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(200).body("totals.shipping.amount", equalTo("0.00"))
                .body("totals.grandTotal.amount", equalTo("120.00"));

        // Express stops at 50.00 of goods: it is not offered, and cannot be chosen
        given().get("/carts/" + cart + "/shipping-methods").then().body("items.name", contains("Parcel"));
        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + byValue + "\"}")
                .put("/carts/" + cart + "/shipping-method").then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/shipping-method-not-eligible"));
    }

    @Test
    void an_address_the_method_does_not_ship_to_clears_it_and_says_so() {
        String zoneA = zone("FO");
        String parcel = method(zoneA, "Faroe Post", "WEIGHT",
                "[{\"currency\":\"EUR\",\"from\":\"0\",\"price\":\"7.00\"}]", "[]");
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("10.00"), 10);
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(201);
        putAddress(cart, "ada@example.com", "FO").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + parcel + "\"}")
                .put("/carts/" + cart + "/shipping-method").then().statusCode(200).body("totals.shipping.amount", equalTo("7.00"));

        putAddress(cart, "ada@example.com", "LI").then().statusCode(200)
                .body("shippingMethod", nullValue())
                .body("notices[0].code", equalTo("shipping-method-cleared"))
                .body("totals.shipping.amount", equalTo("0.00"));
        given().get("/carts/" + cart).then().body("shippingMethod", nullValue()).body("notices", empty());
        given().get("/carts/" + cart + "/shipping-methods").then().body("items", empty());
    }

    @Test
    void tax_follows_the_shipping_country_and_shipping_is_taxed() {
        String category = "ship-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body("{\"country\":\"MT\",\"taxCategory\":\"" + category + "\",\"name\":\"VAT 18%\",\"ratePercent\":18}")
                .post("/tax-rates").then().statusCode(201);
        asAdmin().body("{\"country\":\"MT\",\"taxCategory\":\"standard\",\"name\":\"VAT 18%\",\"ratePercent\":18}")
                .post("/tax-rates").then().statusCode(201);
        String malta = zone("MT");
        String post = method(malta, "MaltaPost", "WEIGHT", "[{\"currency\":\"EUR\",\"from\":\"0\",\"price\":\"5.90\"}]", "[]");
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().eur("11.80").taxCategory(category), 10);
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, item.sku, 1).then().statusCode(201);
        putAddress(cart, "ada@example.com", "MT").then().statusCode(200);
        // 11.80 * 18 / 118 = 1.80; shipping 5.90 * 18 / 118 = 0.90
        given().contentType(ContentType.JSON).body("{\"methodId\":\"" + post + "\"}")
                .put("/carts/" + cart + "/shipping-method").then().statusCode(200)
                .body("lines[0].tax.amount", equalTo("1.80"))
                .body("totals.tax.amount", equalTo("2.70"))
                .body("totals.grandTotal.amount", equalTo("17.70"));
    }

    @Test
    void zones_and_methods_are_admin_resources_with_if_match() {
        String id = zone("GL");
        asAdmin().body("{\"name\":\"Renamed\",\"countries\":[\"GL\"]}").put("/shipping-zones/" + id).then().statusCode(428);
        String etag = asAdmin().get("/shipping-zones/" + id).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).body("{\"name\":\"Renamed\",\"countries\":[\"GL\",\"SJ\"]}")
                .put("/shipping-zones/" + id).then().statusCode(200).body("countries", contains("GL", "SJ"));
        asAdmin().body("{\"name\":\"Bad\",\"countries\":[\"ZZ\"]}").post("/shipping-zones").then().statusCode(400);
        String method = method(id, "M", "WEIGHT", "[{\"currency\":\"EUR\",\"from\":\"0\",\"price\":\"1.00\"}]", "[]");
        String zoneTag = asAdmin().get("/shipping-zones/" + id).then().extract().header("ETag");
        asAdmin().header("If-Match", zoneTag).delete("/shipping-zones/" + id).then().statusCode(409);
        String methodTag = asAdmin().get("/shipping-methods/" + method).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", methodTag).delete("/shipping-methods/" + method).then().statusCode(204);
        asAdmin().header("If-Match", zoneTag).delete("/shipping-zones/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.customer("c")).get("/shipping-zones").then().statusCode(403);
    }
}
