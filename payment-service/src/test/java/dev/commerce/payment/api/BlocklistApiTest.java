package dev.commerce.payment.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class BlocklistApiTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    @Test
    void blocks_an_email_normalised_and_refuses_it_twice() {
        String email = "Fraud-" + UUID.randomUUID() + "@Example.com";
        asAdmin().body("{\"kind\":\"EMAIL\",\"value\":\"" + email + "\",\"reason\":\"chargebacks\"}")
                .post("/fraud/blocklist").then().statusCode(201)
                .body("value", equalTo(email.toLowerCase())).body("createdBy", equalTo("admin@commerce.local"));
        asAdmin().body("{\"kind\":\"EMAIL\",\"value\":\"" + email.toUpperCase() + "\",\"reason\":\"again\"}")
                .post("/fraud/blocklist").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/already-blocked"));
    }

    @Test
    void refuses_an_unknown_kind_and_empty_fields() {
        asAdmin().body("{\"kind\":\"PLANET\",\"value\":\"Mars\",\"reason\":\"x\"}").post("/fraud/blocklist")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        asAdmin().body("{\"kind\":\"COUNTRY\",\"value\":\"\",\"reason\":\"\"}").post("/fraud/blocklist")
                .then().statusCode(400).body("errors.field", hasItems("value", "reason"));
    }

    @Test
    void unblocks_a_value() {
        String id = asAdmin().body("{\"kind\":\"CUSTOMER\",\"value\":\"c-" + UUID.randomUUID() + "\",\"reason\":\"abuse\"}")
                .post("/fraud/blocklist").then().statusCode(201).extract().path("id");
        asAdmin().get("/fraud/blocklist/" + id).then().statusCode(200);
        asAdmin().delete("/fraud/blocklist/" + id).then().statusCode(204);
        asAdmin().get("/fraud/blocklist/" + id).then().statusCode(404);
        asAdmin().delete("/fraud/blocklist/" + id).then().statusCode(404);
    }
}
