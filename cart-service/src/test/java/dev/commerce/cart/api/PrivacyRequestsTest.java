package dev.commerce.cart.api;

import dev.commerce.cart.CatalogFeed;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.PersonalDataSearch;
import dev.commerce.platform.testing.PrivacyRequestsProbe;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Privacy requests at cart-service: a customer's carts (and guest carts of the address) exported, then deleted. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PrivacyRequestsTest {

    private static CatalogFeed feed;

    @BeforeAll
    static void connect() {
        feed = new CatalogFeed();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    @Test
    void carts_of_the_customer_and_of_the_address_are_exported_then_deleted() throws Exception {
        CatalogFeed.Product item = feed.stocked(CatalogFeed.product().priced("[{\"amount\":\"20.00\",\"currency\":\"EUR\"}]"), 10);
        String customerId = UUID.randomUUID().toString();
        String email = "cart-erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String own = given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON)
                .body("{\"currency\":\"EUR\"}").post("/carts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customer(customerId)).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + item.sku + "\",\"quantity\":2}").post("/carts/" + own + "/items").then().statusCode(201);
        String guest = given().contentType(ContentType.JSON).body("{\"currency\":\"EUR\"}").post("/carts").then()
                .statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body("""
                        {"email":"%s","shippingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St",
                         "postalCode":"10115","city":"Berlin","country":"DE"}}""".formatted(email.toUpperCase()))
                .put("/carts/" + guest + "/addresses").then().statusCode(200);

        PrivacyRequestsProbe privacy = new PrivacyRequestsProbe("cart");
        List<Map<String, Object>> exported = privacy.exportedRecords(privacy.requestExport(customerId, email));
        assertThat(exported).extracting(cart -> cart.get("id")).containsExactlyInAnyOrder(own, guest);
        assertThat(exported).filteredOn(cart -> own.equals(cart.get("id"))).singleElement()
                .satisfies(cart -> assertThat((List<?>) cart.get("lines")).hasSize(1));

        privacy.awaitErasureCompleted(privacy.erase(customerId, email));
        given().auth().oauth2(TestTokens.customer(customerId)).get("/carts/" + own).then().statusCode(404);
        given().get("/carts/" + guest).then().statusCode(404);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Connection database = TestDatabase.connect()) {
                assertThat(PersonalDataSearch.rowsMentioning(database, email)).isEmpty();
            }
        });
    }
}
