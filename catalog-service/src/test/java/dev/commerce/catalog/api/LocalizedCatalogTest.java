package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Localized content: products and categories written in the shop's default locale (en) with translations into its
 * others (fr, pl, ar...), read and searched in the shopper's locale, with the default texts where one is missing.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class LocalizedCatalogTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** Right-to-left text with a diacritic (shadda) and a Latin model number: it must come back byte for byte. */
    private static final String ARABIC_NAME = "حذاء جريّ X-200";
    private static EventProbe productEvents;
    private static EventProbe categoryEvents;

    @BeforeAll
    static void listen() {
        productEvents = EventProbe.of("catalog.product.v1");
        categoryEvents = EventProbe.of("catalog.category.v1");
    }

    @AfterAll
    static void stopListening() {
        productEvents.close();
        categoryEvents.close();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A trail shoe in English with French, Polish and Arabic translations; returns {id, French slug}. */
    private static String[] translatedShoe(String categoryId) {
        String word = unique("w");
        String frenchSlug = unique("chaussures-de-trail-");
        String id = asAdmin().body("""
                {"slug":"%s","name":"Trail shoes %s","description":"Light and waterproof","status":"ACTIVE",
                 "attributes":{"material":"mesh","drop":8},"categoryIds":["%s"],
                 "variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"89.90"}]}],
                 "translations":{
                   "fr":{"slug":"%s","name":"Chaussures de trail %s","description":"Légères et imperméables",
                         "attributes":{"material":"maille"}},
                   "pl":{"slug":"%s","name":"Buty trailowe %s"},
                   "ar":{"slug":"%s","name":"%s"}}}"""
                .formatted(unique("trail-"), word, categoryId, unique("LC"), frenchSlug, word, unique("buty-"), word,
                        unique("حذاء-"), ARABIC_NAME))
                .post("/products").then().statusCode(201)
                .body("translations.fr.name", equalTo("Chaussures de trail " + word))
                .body("translations.ar.name", equalTo(ARABIC_NAME)).extract().path("id");
        StorefrontSearchTest.awaitListed(id);
        return new String[]{id, frenchSlug};
    }

    private static String category() {
        return asAdmin().body("{\"name\":\"Shoes\",\"slug\":\"" + unique("shoes-") + "\",\"translations\":{\"fr\":{\"name\":"
                        + "\"Chaussures\",\"slug\":\"" + unique("chaussures-") + "\"}}}")
                .post("/categories").then().statusCode(201).body("translations.fr.name", equalTo("Chaussures"))
                .extract().path("id");
    }

    private static ValidatableResponse page(String idOrSlug, String locale) {
        RequestSpecification request = given().queryParam("currency", "EUR");
        if (locale != null) {
            request.queryParam("locale", locale);
        }
        return request.get("/storefront/products/" + idOrSlug).then();
    }

    @Test
    void a_product_page_is_in_the_locale_asked_for_with_the_default_texts_where_its_translation_says_nothing() {
        String[] shoe = translatedShoe(category());
        page(shoe[0], "fr").statusCode(200).header("Content-Language", "fr")
                .body("name", org.hamcrest.Matchers.startsWith("Chaussures de trail"))
                .body("description", equalTo("Légères et imperméables")).body("slug", equalTo(shoe[1]))
                .body("attributes.material", equalTo("maille")).body("attributes.drop", equalTo(8)).body("locale", equalTo("fr"));
        page(shoe[0], "pl").statusCode(200).header("Content-Language", "pl")
                .body("name", org.hamcrest.Matchers.startsWith("Buty trailowe"))
                .body("description", equalTo("Light and waterproof")).body("attributes.material", equalTo("mesh"));
        page(shoe[0], null).statusCode(200).header("Content-Language", "en")
                .body("name", org.hamcrest.Matchers.startsWith("Trail shoes")).body("locale", equalTo("en"));
    }

    @Test
    void accept_language_chooses_the_locale_when_no_parameter_does() {
        String id = translatedShoe(category())[0];
        given().queryParam("currency", "EUR").header("Accept-Language", "pl-PL, pl;q=0.9, en;q=0.5")
                .get("/storefront/products/" + id).then().statusCode(200).header("Content-Language", "pl")
                .header("Vary", org.hamcrest.Matchers.containsString("Accept-Language"))
                .body("name", org.hamcrest.Matchers.startsWith("Buty trailowe"));
        given().queryParam("currency", "EUR").queryParam("locale", "fr").header("Accept-Language", "pl")
                .get("/storefront/products/" + id).then().header("Content-Language", "fr");
        given().queryParam("currency", "EUR").header("Accept-Language", "ja, de;q=0.1")
                .get("/storefront/products/" + id).then().statusCode(200).header("Content-Language", "de")
                .body("locale", equalTo("en"));
        given().queryParam("currency", "EUR").header("Accept-Language", "ja")
                .get("/storefront/products/" + id).then().statusCode(200).header("Content-Language", "en");
        page(id, "fr-CA").statusCode(200).header("Content-Language", "fr").body("locale", equalTo("fr"));
        page(id, "not a tag!").statusCode(400).body("errors[0].field", equalTo("locale"));
    }

    @Test
    void right_to_left_text_and_its_slug_round_trip_exactly() {
        String id = translatedShoe(category())[0];
        JsonPath arabic = page(id, "ar").statusCode(200).header("Content-Language", "ar").extract().jsonPath();
        assertThat(arabic.getString("name")).isEqualTo(ARABIC_NAME);
        String slug = arabic.getString("slug");
        assertThat(slug).startsWith("حذاء-");
        page(slug, "ar").statusCode(200).body("id", equalTo(id)).body("name", equalTo(ARABIC_NAME));
        page(slug, "en").statusCode(200).body("id", equalTo(id)); // a link of another locale still finds the product
        asAdmin().get("/products/" + id).then().body("translations.ar.name", equalTo(ARABIC_NAME))
                .body("translations.ar.slug", equalTo(slug));
    }

    @Test
    void search_analyses_the_words_of_the_shoppers_language() {
        String categoryId = category();
        String id = translatedShoe(categoryId)[0];
        assertThat(search("chaussure", "fr", categoryId).getList("items.id")).containsExactly(id);
        assertThat(search("impermeable", "fr", categoryId).getList("items.name")).containsExactly(
                page(id, "fr").extract().path("name").toString());
        assertThat(search("chaussure", "en", categoryId).getList("items")).as("French is not searched in English").isEmpty();
        assertThat(search("butów", "pl", categoryId).getList("items.id")).containsExactly(id);
        assertThat(search("الحذاء", "ar", categoryId).getList("items.id")).containsExactly(id);
        assertThat(search("trail", "en", categoryId).getList("items.id")).containsExactly(id);
        JsonPath french = search("chaussure", "fr", categoryId);
        assertThat(french.getList("facets.attributes.material.value")).containsExactly("maille");
        given().queryParam("currency", "EUR").queryParam("locale", "fr").queryParam("category", categoryId)
                .queryParam("attr", "material:maille").get("/storefront/products").then().statusCode(200)
                .header("Content-Language", "fr").body("items.id", contains(id));
    }

    private static JsonPath search(String text, String locale, String categoryId) {
        return given().queryParam("currency", "EUR").queryParam("q", text).queryParam("locale", locale)
                .queryParam("category", categoryId).get("/storefront/products").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void suggestions_complete_names_in_the_shoppers_language() {
        String categoryId = category();
        String[] shoe = translatedShoe(categoryId);
        String word = page(shoe[0], "fr").extract().<String>path("name").substring("Chaussures de trail ".length());
        given().queryParam("q", "chaussures de trail " + word.substring(0, 5)).queryParam("locale", "fr")
                .get("/storefront/suggestions").then().statusCode(200).header("Content-Language", "fr")
                .body("suggestions.text", contains("Chaussures de trail " + word))
                .body("suggestions.slug", contains(shoe[1]));
        given().queryParam("q", "chaussures").queryParam("locale", "fr").queryParam("limit", 20)
                .get("/storefront/suggestions").then().statusCode(200).body("suggestions.text", hasItem("Chaussures"));
    }

    @Test
    void a_slug_is_unique_in_its_locale_only() {
        String[] shoe = translatedShoe(category());
        String other = """
                {"slug":"%s","name":"Other","variants":[{"sku":"%s"}],"translations":{"%s":{"slug":"%s"}}}""";
        asAdmin().body(other.formatted(unique("o-"), unique("OS"), "fr", shoe[1])).post("/products").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/duplicate-slug"))
                .body("detail", org.hamcrest.Matchers.containsString("locale fr"));
        asAdmin().body(other.formatted(unique("o-"), unique("OS"), "pl", shoe[1])).post("/products").then().statusCode(201);
        // a default slug may be nobody's slug in any locale
        asAdmin().body(other.formatted(shoe[1], unique("OS"), "pl", unique("x-"))).post("/products").then().statusCode(409);
    }

    @Test
    void translations_are_refused_outside_the_shops_locales_and_for_attributes_it_does_not_have() {
        String base = """
                {"slug":"%s","name":"X","attributes":{"material":"mesh","drop":8},"variants":[{"sku":"%s"}],"translations":%s}""";
        assertField(base.formatted(unique("t-"), unique("TT"), "{\"ja\":{\"name\":\"靴\"}}"), "translations.ja");
        assertField(base.formatted(unique("t-"), unique("TT"), "{\"en\":{\"name\":\"Again\"}}"), "translations.en");
        assertField(base.formatted(unique("t-"), unique("TT"), "{\"fr\":{\"attributes\":{\"drop\":\"huit\"}}}"),
                "translations.fr.attributes.drop");
        assertField(base.formatted(unique("t-"), unique("TT"), "{\"fr\":{\"attributes\":{\"colour\":\"bleu\"}}}"),
                "translations.fr.attributes.colour");
        assertField(base.formatted(unique("t-"), unique("TT"), "{\"fr\":{\"slug\":\"Pas Un Slug\"}}"), "translations.fr.slug");
    }

    private static void assertField(String body, String field) {
        asAdmin().body(body).post("/products").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/validation")).body("errors.field", hasItem(field));
    }

    @Test
    void events_carry_every_locale_and_validate_against_their_schemas() {
        String categoryId = category();
        String id = translatedShoe(categoryId)[0];
        EventProbe.ReceivedEvent product = productEvents.awaitEvent(e -> id.equals(e.key()), DEADLINE);
        EventContracts.assertValidPayload(product.header("ce_type"), product.payload());
        JsonPath payload = JsonPath.from(product.payload());
        assertThat(payload.getString("locale")).isEqualTo("en");
        assertThat(payload.getString("translations.ar.name")).isEqualTo(ARABIC_NAME);
        assertThat(payload.getString("translations.fr.attributes.material")).isEqualTo("maille");
        EventProbe.ReceivedEvent category = categoryEvents.awaitEvent(e -> categoryId.equals(e.key()), DEADLINE);
        EventContracts.assertValidPayload(category.header("ce_type"), category.payload());
        assertThat(JsonPath.from(category.payload()).getString("translations.fr.name")).isEqualTo("Chaussures");
    }

    @Test
    void categories_are_read_in_the_locale_asked_for_and_their_translations_can_change() {
        String id = category();
        given().queryParam("locale", "fr").get("/categories/" + id).then().statusCode(200).header("Content-Language", "fr")
                .body("name", equalTo("Chaussures")).body("translations.fr.name", equalTo("Chaussures"));
        given().get("/categories/" + id).then().statusCode(200).header("Content-Language", "en").body("name", equalTo("Shoes"));
        asAdmin().header("If-Match", "*").body("{\"name\":\"Shoes\",\"translations\":{\"pl\":{\"name\":\"Buty\"}}}")
                .put("/categories/" + id).then().statusCode(200).body("translations.pl.name", equalTo("Buty"))
                .body("translations.fr", org.hamcrest.Matchers.nullValue());
        given().header("Accept-Language", "pl").get("/categories/" + id).then().body("name", equalTo("Buty"));
        // an update without translations keeps them
        asAdmin().header("If-Match", "*").body("{\"name\":\"Shoes 2\"}").put("/categories/" + id).then().statusCode(200)
                .body("translations.pl.name", equalTo("Buty"));
        await().atMost(DEADLINE).untilAsserted(() -> given().queryParam("q", "buty").queryParam("locale", "pl")
                .queryParam("limit", 20).get("/storefront/suggestions").then().body("suggestions.id", hasItem(id)));
    }
}
