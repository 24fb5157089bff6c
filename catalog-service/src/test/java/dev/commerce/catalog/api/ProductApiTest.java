package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class ProductApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static EventProbe productEvents;

    @BeforeAll
    static void listen() {
        productEvents = EventProbe.of("catalog.product.v1");
    }

    @AfterAll
    static void stopListening() {
        productEvents.close();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String category() {
        return asAdmin().body("{\"name\":\"C\",\"slug\":\"" + unique("cat-") + "\"}").post("/categories")
                .then().statusCode(201).extract().path("id");
    }

    /** A product definition: two priced variants (one inactive and cheaper), media, attributes. */
    private static String definition(String slug, String status, String sku, String categoryId) {
        return """
                {"slug":"%s","name":"Trail Runner","description":"A light shoe for rough paths","status":"%s",
                 "taxCategory":"standard","attributes":{"material":"mesh","waterproof":false,"drop":8,"terrain":["trail","gravel"]},
                 "categoryIds":["%s"],
                 "media":[{"url":"https://cdn.example.com/a.jpg","alt":"side","type":"IMAGE"},
                          {"url":"https://cdn.example.com/a.mp4","type":"VIDEO"}],
                 "variants":[
                   {"sku":"%s-42","options":{"size":"42"},"weightGrams":310,
                    "prices":[{"currency":"EUR","amount":"89.90","compareAtAmount":"119.00"},{"currency":"USD","amount":"99.00"}]},
                   {"sku":"%s-43","options":{"size":"43"},"weightGrams":320,"prices":[{"currency":"EUR","amount":"94.90"}]},
                   {"sku":"%s-44","options":{"size":"44"},"active":false,"prices":[{"currency":"EUR","amount":"10.00"}]}]}"""
                .formatted(slug, status, categoryId, sku, sku, sku);
    }

    private static ExtractableResponse<Response> create(String definition) {
        return asAdmin().body(definition).post("/products").then().statusCode(201).extract();
    }

    @Test
    void creates_a_product_with_variants_and_announces_the_whole_product() {
        String slug = unique("trail-");
        String sku = unique("TR");
        String categoryId = category();
        ExtractableResponse<Response> created = asAdmin().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(definition(slug, "ACTIVE", sku, categoryId)).post("/products").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/products/")).extract();
        String id = created.path("id");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        asAdmin().get("/products/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("variants.sku", contains(sku + "-42", sku + "-43", sku + "-44"))
                .body("variants[0].prices[0].amount", equalTo("89.90")).body("variants[0].prices[0].compareAtAmount", equalTo("119.00"))
                .body("attributes.drop", equalTo(8)).body("attributes.terrain", contains("trail", "gravel"))
                .body("media.type", contains("IMAGE", "VIDEO")).body("categoryIds", contains(categoryId));

        EventProbe.ReceivedEvent event = productEvents.awaitEvent(e -> id.equals(e.key()), DEADLINE);
        assertThat(event.header("ce_type")).isEqualTo("commerce.catalog.product-upserted.v1");
        EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
        EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
        JsonPath payload = JsonPath.from(event.payload());
        assertThat(payload.getList("variants.sku")).containsExactly(sku + "-42", sku + "-43", sku + "-44");
        assertThat(payload.getString("variants[0].prices[0].amount")).isEqualTo("89.90");
        assertThat(payload.getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void shoppers_see_active_products_priced_in_their_currency_with_etags() {
        String slug = unique("shop-");
        String sku = unique("SH");
        String id = create(definition(slug, "ACTIVE", sku, category())).path("id");
        StorefrontSearchTest.awaitListed(id);

        ExtractableResponse<Response> shown = given().queryParam("currency", "EUR").get("/storefront/products/" + slug)
                .then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=60"))
                .body("id", equalTo(id)).body("price.amount", equalTo("89.90")).body("price.currency", equalTo("EUR"))
                .body("variants.sku", contains(sku + "-42", sku + "-43"))
                .body("variants[0].compareAtPrice.amount", equalTo("119.00")).extract();
        String etag = shown.header("ETag");
        assertThat(etag).isNotBlank();
        given().queryParam("currency", "EUR").header("If-None-Match", etag).get("/storefront/products/" + id)
                .then().statusCode(304);
        given().queryParam("currency", "USD").get("/storefront/products/" + id).then().statusCode(200)
                .body("price.amount", equalTo("99.00")).body("variants[1].price", nullValue());
        given().queryParam("currency", "JPY").get("/storefront/products/" + id).then().statusCode(200)
                .body("price", nullValue());

        String variantId = asAdmin().get("/products/" + id).then().extract().path("variants[1].id");
        asAdmin().header("If-Match", "*").body("{\"prices\":[{\"currency\":\"EUR\",\"amount\":\"79.90\"}]}")
                .put("/products/" + id + "/variants/" + variantId + "/prices").then().statusCode(200);
        // the storefront reads the search index, which the price change reaches through catalog.product.v1
        await().atMost(DEADLINE).untilAsserted(() -> given().queryParam("currency", "EUR").header("If-None-Match", etag)
                .get("/storefront/products/" + id).then().statusCode(200).body("price.amount", equalTo("79.90")));

        given().get("/storefront/products/" + id).then().statusCode(400);
        given().queryParam("currency", "EURO").get("/storefront/products/" + id).then().statusCode(400);
        given().queryParam("currency", "EUR").get("/storefront/products/" + unique("nothing-")).then().statusCode(404);
    }

    @Test
    void drafts_and_archived_products_are_invisible_to_shoppers() {
        String draftSlug = unique("draft-");
        String id = create(definition(draftSlug, "DRAFT", unique("DR"), category())).path("id");
        given().queryParam("currency", "EUR").get("/storefront/products/" + draftSlug).then().statusCode(404);

        String activeSlug = unique("gone-");
        String sku = unique("GO");
        String active = create(definition(activeSlug, "ACTIVE", sku, category())).path("id");
        StorefrontSearchTest.awaitListed(active);
        asAdmin().header("If-Match", "*").post("/products/" + active + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        asAdmin().header("If-Match", "*").post("/products/" + active + "/archive").then().statusCode(200);
        await().atMost(DEADLINE).untilAsserted(() ->
                given().queryParam("currency", "EUR").get("/storefront/products/" + activeSlug).then().statusCode(404));
        asAdmin().header("If-Match", "*").body(definition(activeSlug, "ACTIVE", sku, category())).put("/products/" + active).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/product-archived"));

        List<EventProbe.ReceivedEvent> events = productEvents.awaitEvents(e -> active.equals(e.key()), 2, DEADLINE);
        EventProbe.ReceivedEvent archived = events.get(1);
        assertThat(archived.header("ce_type")).isEqualTo("commerce.catalog.product-archived.v1");
        EventContracts.assertValidPayload(archived.header("ce_type"), archived.payload());
        assertThat(JsonPath.from(archived.payload()).getList("skus")).containsExactly(sku + "-42", sku + "-43", sku + "-44");
        assertThat(productEvents.received().stream().filter(e -> active.equals(e.key()))).hasSize(2);
        asAdmin().get("/products/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void an_update_keeps_the_ids_of_kept_skus_and_refuses_stale_versions() {
        String slug = unique("upd-");
        String sku = unique("UP");
        String categoryId = category();
        ExtractableResponse<Response> created = create(definition(slug, "ACTIVE", sku, categoryId));
        String id = created.path("id");
        String keptVariant = created.path("variants[0].id");
        String update = """
                {"slug":"%s","name":"Trail Runner 2","status":"ACTIVE",
                 "variants":[{"sku":"%s-42","prices":[{"currency":"EUR","amount":"85.00"}]},
                             {"sku":"%s-45","prices":[{"currency":"EUR","amount":"85.00"}]}]}""".formatted(slug, sku, sku);
        asAdmin().header("If-Match", "\"7\"").body(update).put("/products/" + id).then().statusCode(412);
        asAdmin().header("If-Match", "\"0\"").body(update).put("/products/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("Trail Runner 2"))
                .body("variants.sku", contains(sku + "-42", sku + "-45")).body("variants[0].id", equalTo(keptVariant))
                .body("categoryIds.size()", equalTo(0)).body("media.size()", equalTo(0));
        asAdmin().header("If-Match", "\"0\"").body(update).put("/products/" + id).then().statusCode(412);
        asAdmin().header("If-Match", "*").body("{\"prices\":[]}").put("/products/" + id + "/variants/" + UUID.randomUUID() + "/prices")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/unknown-variant"));
        asAdmin().header("If-Match", "*").body(update).put("/products/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void refuses_taken_slugs_and_skus_and_unknown_references() {
        String slug = unique("dup-");
        String sku = unique("DU");
        String categoryId = category();
        create(definition(slug, "DRAFT", sku, categoryId));
        asAdmin().body(definition(slug, "DRAFT", unique("OT"), categoryId)).post("/products").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/duplicate-slug"));
        asAdmin().body(definition(unique("other-"), "DRAFT", sku, categoryId)).post("/products").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/duplicate-sku"))
                .body("detail", org.hamcrest.Matchers.containsString(sku + "-42"));
        asAdmin().body(definition(unique("nocat-"), "DRAFT", unique("NC"), UUID.randomUUID().toString())).post("/products")
                .then().statusCode(400).body("errors[0].field", equalTo("categoryIds[0]"));
        String withRelated = """
                {"slug":"%s","name":"X","related":["%s"],"variants":[{"sku":"%s"}]}"""
                .formatted(unique("rel-"), UUID.randomUUID(), unique("RL"));
        asAdmin().body(withRelated).post("/products").then().statusCode(400).body("errors[0].field", equalTo("related[0]"));
    }

    @Test
    void refuses_bad_prices_currencies_attributes_and_lengths_with_field_errors() {
        String base = "{\"slug\":\"%s\",\"name\":\"%s\",\"attributes\":%s,\"variants\":[%s]}";
        String ok = "{\"sku\":\"" + unique("OK") + "\",\"prices\":[{\"currency\":\"EUR\",\"amount\":\"1.00\"}]}";
        assertField(base.formatted(unique("p-"), "X", "{}", "{\"sku\":\"A1\",\"prices\":[{\"currency\":\"EUR\",\"amount\":\"-1\"}]}"),
                "variants[0].prices[0].amount");
        assertField(base.formatted(unique("p-"), "X", "{}", "{\"sku\":\"A1\",\"prices\":[{\"currency\":\"XYZ\",\"amount\":\"1\"}]}"),
                "variants[0].prices[0].currency");
        assertField(base.formatted(unique("p-"), "X", "{}", "{\"sku\":\"A1\",\"prices\":[{\"currency\":\"JPY\",\"amount\":\"1.5\"}]}"),
                "variants[0].prices[0].amount");
        assertField(base.formatted(unique("p-"), "X", "{}",
                "{\"sku\":\"A1\",\"prices\":[{\"currency\":\"EUR\",\"amount\":\"5.00\",\"compareAtAmount\":\"5.00\"}]}"),
                "variants[0].prices[0].compareAtAmount");
        assertField(base.formatted(unique("p-"), "X", "{}",
                "{\"sku\":\"A1\",\"prices\":[{\"currency\":\"EUR\",\"amount\":\"5\"},{\"currency\":\"EUR\",\"amount\":\"6\"}]}"),
                "variants[0].prices[1].currency");
        assertField(base.formatted(unique("p-"), "X", "{\"nested\":{\"a\":1}}", ok), "attributes.nested");
        assertField(base.formatted(unique("p-"), "X", "{\"1bad\":\"x\"}", ok), "attributes.1bad");
        assertField(base.formatted(unique("p-"), "x".repeat(201), "{}", ok), "name");
        assertField(base.formatted("Not A Slug", "X", "{}", ok), "slug");
        assertField(base.formatted(unique("p-"), "X", "{}", "{\"sku\":\"D1\"},{\"sku\":\"D1\"}"), "variants[1].sku");
        assertField("{\"slug\":\"" + unique("p-") + "\",\"name\":\"X\",\"variants\":[]}", "variants");
        assertField("{\"slug\":\"" + unique("p-") + "\",\"name\":\"X\",\"media\":[{\"url\":\"ftp://x\",\"type\":\"IMAGE\"}],"
                + "\"variants\":[" + ok + "]}", "media[0].url");
    }

    @Test
    void only_admins_manage_products() {
        given().auth().oauth2(TestTokens.customer("c")).contentType(ContentType.JSON).body("{}").post("/products")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/products").then().statusCode(401);
        given().auth().oauth2(TestTokens.customer("c")).get("/products/" + UUID.randomUUID()).then().statusCode(403);
    }

    private static void assertField(String body, String field) {
        asAdmin().body(body).post("/products").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/validation")).body("errors.field", hasItem(field));
    }
}
