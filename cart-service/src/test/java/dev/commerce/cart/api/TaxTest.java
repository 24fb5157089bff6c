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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Tax rates and settings, and the tax a cart shows with them (gross and net, per line, JPY). */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class TaxTest {

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

    /** A tax category of this test alone, so rates other tests see do not move. */
    private static String category() {
        return "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String rate(String category, String percent) {
        return asAdmin().body("{\"country\":\"DE\",\"taxCategory\":\"" + category + "\",\"name\":\"VAT " + percent
                + "%\",\"ratePercent\":" + percent + "}").post("/tax-rates").then().statusCode(201).extract().path("id");
    }

    @Test
    void tax_rates_are_managed_by_admins_with_if_match_on_changes() {
        String category = category();
        String id = rate(category, "7");
        asAdmin().body("{\"country\":\"DE\",\"taxCategory\":\"" + category + "\",\"name\":\"again\",\"ratePercent\":7}")
                .post("/tax-rates").then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/tax-rate-exists"));
        asAdmin().body("{\"name\":\"VAT 5%\",\"ratePercent\":5}").put("/tax-rates/" + id).then().statusCode(428);
        String etag = asAdmin().get("/tax-rates/" + id).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-Match", etag).body("{\"name\":\"VAT 5%\",\"ratePercent\":5}").put("/tax-rates/" + id)
                .then().statusCode(200).body("ratePercent", equalTo(5));
        asAdmin().header("If-Match", etag).body("{\"name\":\"VAT 6%\",\"ratePercent\":6}").put("/tax-rates/" + id)
                .then().statusCode(412);
        asAdmin().queryParam("country", "DE").get("/tax-rates").then().statusCode(200)
                .body("findAll { it.taxCategory == '" + category + "' }", hasSize(1));
        asAdmin().body("{\"country\":\"XX\",\"taxCategory\":\"standard\",\"name\":\"x\",\"ratePercent\":7}")
                .post("/tax-rates").then().statusCode(400);
        asAdmin().body("{\"country\":\"DE\",\"taxCategory\":\"standard\",\"name\":\"x\",\"ratePercent\":101}")
                .post("/tax-rates").then().statusCode(400);
        given().auth().oauth2(TestTokens.customer("c")).get("/tax-rates").then().statusCode(403);
        given().get("/tax-rates").then().statusCode(401);
    }

    @Test
    void gross_prices_show_the_tax_they_contain_per_rate() {
        String books = category();
        String standard = category();
        rate(books, "7");
        rate(standard, "19");
        CatalogFeed.Product book = feed.stocked(CatalogFeed.product().eur("10.00").taxCategory(books), 10);
        CatalogFeed.Product lamp = feed.stocked(CatalogFeed.product().eur("89.90").taxCategory(standard), 10);
        String cart = CartItemsTest.guestCart("EUR");
        CartItemsTest.add(cart, book.sku, 3).then().statusCode(201);
        // 30.00 * 7 / 107 = 1.9626 -> 1.96; 89.90 * 19 / 119 = 14.3538 -> 14.35
        CartItemsTest.add(cart, lamp.sku, 1).then().statusCode(201)
                .body("pricesIncludeTax", equalTo(true))
                .body("taxCountry", equalTo("DE")).body("taxEstimated", equalTo(true))
                .body("lines[0].tax.amount", equalTo("1.96"))
                .body("lines[1].tax.amount", equalTo("14.35"))
                .body("totals.tax.amount", equalTo("16.31"))
                .body("totals.taxBreakdown.ratePercent", org.hamcrest.Matchers.contains("7", "19"))
                .body("totals.taxBreakdown[0].taxable.amount", equalTo("30.00"))
                .body("totals.grandTotal.amount", equalTo("119.90"));
    }

    @Test
    void net_prices_get_tax_added_once_the_currency_says_so() {
        String category = category();
        rate(category, "8.1");
        asAdmin().body("{\"pricesIncludeTax\":false}").put("/tax-settings/CHF").then().statusCode(200)
                .body("pricesIncludeTax", equalTo(false));
        asAdmin().body("{\"pricesIncludeTax\":false}").put("/tax-settings/CHF").then().statusCode(428);
        CatalogFeed.Product watch = feed.stocked(CatalogFeed.product().taxCategory(category)
                .priced("[{\"amount\":\"19.99\",\"currency\":\"CHF\"}]"), 10);
        String cart = CartItemsTest.guestCart("CHF");
        // 59.97 * 0.081 = 4.8576 -> 4.86, added on top
        CartItemsTest.add(cart, watch.sku, 3).then().statusCode(201)
                .body("pricesIncludeTax", equalTo(false))
                .body("lines[0].tax.amount", equalTo("4.86"))
                .body("totals.subtotal.amount", equalTo("59.97"))
                .body("totals.grandTotal.amount", equalTo("64.83"));
    }

    @Test
    void yen_amounts_have_no_decimals() {
        String category = category();
        rate(category, "10");
        CatalogFeed.Product tea = feed.stocked(CatalogFeed.product().taxCategory(category)
                .priced("[{\"amount\":\"1999\",\"currency\":\"JPY\"}]"), 10);
        String cart = CartItemsTest.guestCart("JPY");
        // 1999 * 2 = 3998; 3998 * 10 / 110 = 363.45 -> 363
        CartItemsTest.add(cart, tea.sku, 2).then().statusCode(201)
                .body("lines[0].unitPrice.amount", equalTo("1999"))
                .body("totals.subtotal.amount", equalTo("3998"))
                .body("totals.tax.amount", equalTo("363"))
                .body("totals.grandTotal.amount", equalTo("3998"));
    }
}
