package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Bulk imports: asynchronous jobs with progress, each line whole or not at all, a per-line failure report. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class ImportApiTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sent as they are: RestAssured has no encoder for JSON lines. */
    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Until the storefront page (EUR) passes {@code check}: imports reach the search index through catalog.product.v1. */
    private static void awaitShopPage(String idOrSlug, Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                check.accept(given().queryParam("currency", "EUR").get("/storefront/products/" + idOrSlug).then()));
    }

    private static JsonPath awaitCompleted(String location) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "COMPLETED".equals(asAdmin().get(location).then().statusCode(200).extract().path("status")));
        return asAdmin().get(location).then().extract().jsonPath();
    }

    private static String line(String slug, String sku, String name, String amount) {
        return """
                {"slug":"%s","name":"%s","status":"ACTIVE","variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"%s"}]}]}"""
                .formatted(slug, name, sku, amount);
    }

    @Test
    void json_lines_are_applied_each_whole_or_not_at_all_with_a_report_of_what_failed() {
        String first = unique("imp-");
        String second = unique("imp-");
        String body = String.join("\n", line(first, unique("I"), "Imported One", "10.00"),
                line(second, unique("I"), "Imported Two", "20.00"),
                line(unique("imp-"), unique("I"), "Bad Price", "-3"),
                "{not json", line(first + "-x", "BAD SKU!", "Bad Sku", "1.00"));
        String location = asAdmin().contentType("application/x-ndjson").body(bytes(body)).post("/products/imports")
                .then().statusCode(202).body("status", equalTo("QUEUED")).body("total", equalTo(5))
                .extract().header("Location");

        JsonPath job = awaitCompleted(location);
        assertThat(job.getInt("processed")).isEqualTo(5);
        assertThat(job.getInt("succeeded")).isEqualTo(2);
        assertThat(job.getInt("failed")).isEqualTo(3);
        JsonPath failures = asAdmin().get(location + "/failures").then().statusCode(200).extract().jsonPath();
        assertThat(failures.getList("items.line", Integer.class)).containsExactly(3, 4, 5);
        assertThat(failures.getString("items[0].errors")).contains("amount");
        assertThat(failures.getString("items[1].errors")).contains("not a product definition");
        assertThat(failures.getString("items[2].errors")).contains("sku");
        JsonPath paged = asAdmin().queryParam("limit", 2).get(location + "/failures").then().extract().jsonPath();
        assertThat(asAdmin().queryParam("cursor", paged.getString("nextCursor")).get(location + "/failures")
                .then().extract().jsonPath().getList("items.line", Integer.class)).containsExactly(5);

        awaitShopPage(first, page -> page.statusCode(200).body("price.amount", equalTo("10.00")));
        awaitShopPage(second, page -> page.statusCode(200));

        String again = asAdmin().contentType("application/x-ndjson").body(bytes(line(first, unique("I"), "Renamed", "11.00")))
                .post("/products/imports").then().statusCode(202).extract().header("Location");
        assertThat(awaitCompleted(again).getInt("succeeded")).isEqualTo(1);
        awaitShopPage(first, page -> page.body("name", equalTo("Renamed")));
    }

    @Test
    void csv_rows_with_quotes_are_imported_and_bad_rows_reported() {
        String slug = unique("csv-");
        String csv = """
                slug,name,description,status,taxCategory,categoryIds,sku,currency,amount,compareAtAmount,weightGrams
                %s,"Shoe, ""Pro"" edition",Light,ACTIVE,standard,,%s,EUR,49.90,59.90,300
                %s,Broken,,ACTIVE,,,%s,EURO,1.00,,
                %s,Too few fields
                """.formatted(slug, unique("C"), unique("csv-"), unique("C"), unique("csv-"));
        String location = asAdmin().contentType("text/csv").body(csv).post("/products/imports").then().statusCode(202)
                .body("total", equalTo(3)).extract().header("Location");
        JsonPath job = awaitCompleted(location);
        assertThat(job.getInt("succeeded")).isEqualTo(1);
        assertThat(asAdmin().get(location + "/failures").then().extract().jsonPath().getList("items.line", Integer.class))
                .containsExactly(2, 3);
        awaitShopPage(slug, page -> page.statusCode(200)
                .body("name", equalTo("Shoe, \"Pro\" edition")).body("variants[0].compareAtPrice.amount", equalTo("59.90")));
    }

    @Test
    void csv_columns_per_locale_import_translations() {
        String slug = unique("loc-");
        String polishSlug = unique("buty-");
        String csv = """
                slug,name,description,status,sku,currency,amount,name.fr,slug.pl,name.pl,description.pl
                %s,Running shoe,Light,ACTIVE,%s,EUR,59.90,Chaussure de course,%s,Buty do biegania,Lekkie
                """.formatted(slug, unique("L"), polishSlug);
        String location = asAdmin().contentType("text/csv").body(csv).post("/products/imports").then().statusCode(202)
                .extract().header("Location");
        assertThat(awaitCompleted(location).getInt("succeeded")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("currency", "EUR")
                .queryParam("locale", "pl").get("/storefront/products/" + polishSlug).then().statusCode(200)
                .body("name", equalTo("Buty do biegania")).body("description", equalTo("Lekkie")));
        given().queryParam("currency", "EUR").queryParam("locale", "fr").get("/storefront/products/" + slug).then()
                .body("name", equalTo("Chaussure de course")).body("description", equalTo("Light"));

        String unknownColumn = """
                slug,name,sku,colour.fr
                %s,Shoe,%s,bleu
                """.formatted(unique("loc-"), unique("L"));
        String refused = asAdmin().contentType("text/csv").body(unknownColumn).post("/products/imports").then().statusCode(202)
                .extract().header("Location");
        assertThat(awaitCompleted(refused).getInt("failed")).isEqualTo(1);
        assertThat(asAdmin().get(refused + "/failures").then().extract().jsonPath().getString("items[0].errors"))
                .contains("colour.fr");
    }

    @Test
    void refuses_empty_and_oversized_imports_other_media_types_and_non_admins() {
        asAdmin().contentType("application/x-ndjson").body(bytes("\n\n")).post("/products/imports").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/empty-import"));
        String tooMany = "{}\n".repeat(10_001);
        asAdmin().contentType("application/x-ndjson").body(bytes(tooMany)).post("/products/imports").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/import-too-large"));
        asAdmin().contentType("application/json").body("{}").post("/products/imports").then().statusCode(415);
        given().auth().oauth2(TestTokens.customer("c")).contentType("text/csv").body("slug\nx").post("/products/imports")
                .then().statusCode(403);
        asAdmin().get("/products/imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_retried_upload_with_the_same_idempotency_key_answers_the_first_job() {
        String key = UUID.randomUUID().toString();
        String csv = """
                slug,name,description,status,taxCategory,categoryIds,sku,currency,amount,compareAtAmount,weightGrams
                %s,Retried,,ACTIVE,standard,,%s,EUR,9.90,,100
                """.formatted(unique("retry-"), unique("R"));
        String first = asAdmin().header("Idempotency-Key", key).contentType("text/csv").body(csv).post("/products/imports")
                .then().statusCode(202).extract().header("Location");
        asAdmin().header("Idempotency-Key", key).contentType("text/csv").body(csv).post("/products/imports")
                .then().statusCode(202).header("Location", equalTo(first)).header("Idempotency-Replayed", equalTo("true"));
    }

    @Test
    void an_upload_without_a_token_is_refused_before_its_media_type_is_looked_at() {
        given().contentType("application/json").body("{}").post("/products/imports").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
