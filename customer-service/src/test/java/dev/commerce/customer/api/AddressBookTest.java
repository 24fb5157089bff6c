package dev.commerce.customer.api;

import dev.commerce.platform.testing.CommerceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The address book: defaults that move, one book per customer, fields a cart takes unchanged. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class AddressBookTest {

    private final Storefront storefront = new Storefront();

    @Test
    void the_first_address_is_both_defaults_and_a_later_one_takes_a_default_over() {
        String token = storefront.newCustomer(Storefront.newEmail(), "correct horse battery staple").getString("accessToken");
        String home = given().auth().oauth2(token).contentType("application/json").body(address("Warszawa", null, null))
                .when().post("/customers/me/addresses").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("defaultShipping", equalTo(true)).body("defaultBilling", equalTo(true))
                .body("country", equalTo("PL")).extract().path("id");
        String office = given().auth().oauth2(token).contentType("application/json").body(address("Kraków", true, null))
                .when().post("/customers/me/addresses").then().statusCode(201)
                .body("defaultShipping", equalTo(true)).body("defaultBilling", equalTo(false)).extract().path("id");

        given().auth().oauth2(token).when().get("/customers/me/addresses").then().statusCode(200)
                .body("id", contains(home, office))
                .body("defaultShipping", contains(false, true)).body("defaultBilling", contains(true, false));

        given().auth().oauth2(token).contentType("application/json").body(address("Gdańsk", null, true))
                .when().put("/customers/me/addresses/" + office).then().statusCode(200)
                .body("city", equalTo("Gdańsk")).body("defaultShipping", equalTo(true)).body("defaultBilling", equalTo(true));
        given().auth().oauth2(token).when().get("/customers/me/addresses/" + home).then().statusCode(200)
                .body("defaultShipping", equalTo(false)).body("defaultBilling", equalTo(false));

        given().auth().oauth2(token).when().delete("/customers/me/addresses/" + office).then().statusCode(204);
        given().auth().oauth2(token).when().get("/customers/me/addresses").then().body("id", contains(home));
    }

    @Test
    void another_customers_address_is_not_found_and_bad_fields_are_refused() {
        String owner = storefront.newCustomer(Storefront.newEmail(), "correct horse battery staple").getString("accessToken");
        String other = storefront.newCustomer(Storefront.newEmail(), "correct horse battery staple").getString("accessToken");
        String id = given().auth().oauth2(owner).contentType("application/json").body(address("Łódź", null, null))
                .when().post("/customers/me/addresses").then().statusCode(201).extract().path("id");

        given().auth().oauth2(other).when().get("/customers/me/addresses/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().delete("/customers/me/addresses/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/customers/me/addresses").then().body("$", hasSize(0));

        Map<String, Object> lowerCaseCountry = address("Łódź", null, null);
        lowerCaseCountry.put("country", "pl");
        given().auth().oauth2(owner).contentType("application/json").body(lowerCaseCountry)
                .when().post("/customers/me/addresses").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("country"));
    }

    private static Map<String, Object> address(String city, Boolean defaultShipping, Boolean defaultBilling) {
        Map<String, Object> address = new HashMap<>(Map.of("firstName", "Ana", "lastName", "Kowalska",
                "line1", "ul. Piotrkowska 1", "postalCode", "90-001", "city", city, "country", "PL"));
        if (defaultShipping != null) {
            address.put("defaultShipping", defaultShipping);
        }
        if (defaultBilling != null) {
            address.put("defaultBilling", defaultBilling);
        }
        return address;
    }
}
