package dev.commerce.inventory.api;

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
class WarehouseApiTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String uniqueCode() {
        return "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String warehouse(String code, int priority) {
        return "{\"code\":\"" + code + "\",\"name\":\"Warehouse " + code + "\",\"country\":\"DE\",\"priority\":" + priority + "}";
    }

    @Test
    void creates_a_warehouse_active_by_default() {
        String code = uniqueCode();
        as(TestTokens.admin()).body(warehouse(code, 10)).post("/warehouses").then().statusCode(201)
                .header("ETag", "\"0\"").body("code", equalTo(code)).body("active", equalTo(true));
    }

    @Test
    void partners_may_read_warehouses_but_not_create_them() {
        String id = as(TestTokens.admin()).body(warehouse(uniqueCode(), 1)).post("/warehouses").path("id");
        as(TestTokens.partner()).get("/warehouses/" + id).then().statusCode(200);
        as(TestTokens.partner()).body(warehouse(uniqueCode(), 1)).post("/warehouses").then().statusCode(403);
    }

    @Test
    void refuses_invalid_fields_and_a_missing_code() {
        as(TestTokens.admin()).body("{\"code\":\"lower\",\"name\":\"\",\"country\":\"Germany\",\"priority\":-1}")
                .post("/warehouses").then().statusCode(400)
                .body("errors.field", hasItems("code", "name", "country", "priority"));
        as(TestTokens.admin()).body("{\"name\":\"No code\",\"country\":\"DE\",\"priority\":1}")
                .post("/warehouses").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void refuses_a_duplicate_code() {
        String code = uniqueCode();
        as(TestTokens.admin()).body(warehouse(code, 1)).post("/warehouses").then().statusCode(201);
        as(TestTokens.admin()).body(warehouse(code, 2)).post("/warehouses").then().statusCode(409);
    }

    @Test
    void deactivates_with_if_match_and_refuses_a_stale_version() {
        String id = as(TestTokens.admin()).body(warehouse(uniqueCode(), 5)).post("/warehouses").path("id");
        String change = "{\"name\":\"Closed for winter\",\"country\":\"DE\",\"priority\":5,\"active\":false}";
        as(TestTokens.admin()).header("If-Match", "\"0\"").body(change).put("/warehouses/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("active", equalTo(false));
        as(TestTokens.admin()).header("If-Match", "\"0\"").body(change).put("/warehouses/" + id)
                .then().statusCode(412);
    }

    @Test
    void answers_404_for_an_unknown_warehouse() {
        as(TestTokens.admin()).get("/warehouses/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
