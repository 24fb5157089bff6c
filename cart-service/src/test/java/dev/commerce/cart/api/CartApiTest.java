package dev.commerce.cart.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartApiTest {

    private static final String EUR_CART = "{\"currency\":\"EUR\"}";

    @Test
    void a_guest_opens_a_cart_and_reaches_it_through_its_id() {
        String id = given().contentType(ContentType.JSON).body(EUR_CART).post("/carts").then().statusCode(201)
                .body("customerId", nullValue()).body("status", equalTo("OPEN")).extract().path("id");
        given().get("/carts/" + id).then().statusCode(200).body("currency", equalTo("EUR"));
    }

    @Test
    void a_customers_cart_is_hidden_from_other_customers_and_guests() {
        String owner = "customer-" + UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON).body(EUR_CART)
                .post("/carts").then().statusCode(201).body("customerId", equalTo(owner)).extract().path("id");

        given().auth().oauth2(TestTokens.customer(owner)).get("/carts/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.customer("someone-else")).get("/carts/" + id).then().statusCode(404);
        given().get("/carts/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/carts/" + id).then().statusCode(200);
    }

    @Test
    void a_customer_has_one_open_cart_which_a_second_open_returns() {
        String owner = "customer-" + UUID.randomUUID();
        String first = given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON).body(EUR_CART)
                .post("/carts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON).body(EUR_CART)
                .post("/carts").then().statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(TestTokens.customer(owner)).get("/carts/mine").then().statusCode(200)
                .body("id", equalTo(first)).header("ETag", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.customer("nobody-" + UUID.randomUUID())).get("/carts/mine").then().statusCode(404);
        given().get("/carts/mine").then().statusCode(401);

        List<String> ids = given().auth().oauth2(TestTokens.customer(owner)).get("/carts").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath().getList("items.id");
        assertThat(ids).containsExactly(first);
    }

    @Test
    void concurrent_opens_by_one_customer_give_one_cart() throws Exception {
        String owner = "customer-" + UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var opens = java.util.stream.IntStream.range(0, 6).mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> given().auth().oauth2(TestTokens.customer(owner)).contentType(ContentType.JSON).body(EUR_CART)
                            .post("/carts").then().extract().jsonPath().getString("id"), pool)).toList();
            assertThat(opens.stream().map(java.util.concurrent.CompletableFuture::join).distinct().toList()).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refuses_an_unknown_currency() {
        given().contentType(ContentType.JSON).body("{\"currency\":\"XYZ\"}").post("/carts").then().statusCode(400)
                .body("errors[0].field", equalTo("currency"));
    }

    @Test
    void replays_a_guest_cart_creation_for_the_same_idempotency_key() {
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(EUR_CART)
                .post("/carts").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(EUR_CART)
                .post("/carts").then().statusCode(201).body("id", equalTo(first));
    }

    @Test
    void refuses_a_guessable_idempotency_key_without_a_token() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "order-1").body(EUR_CART)
                .post("/carts").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/invalid-idempotency-key"));
    }
}
