package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Storefront listing, search, facets and availability over data whose expected order is known. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class StorefrontSearchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static TestEvents inventory;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void connect() {
        TestEvents.ensureTopic("inventory.stock-level.v1");
        inventory = TestEvents.as("inventory-service");
    }

    @AfterAll
    static void disconnect() {
        inventory.close();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String category(String parentId) {
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        return asAdmin().body("{\"name\":\"C\",\"slug\":\"" + unique("c-") + "\"" + parent + "}").post("/categories")
                .then().statusCode(201).extract().path("id");
    }

    /** An active product with one variant priced in EUR; returns {id, sku}. */
    private static String[] product(String name, String description, String attributes, String categoryId, String price) {
        String sku = unique("S").toUpperCase();
        String id = asAdmin().body("""
                        {"slug":"%s","name":"%s","description":"%s","status":"ACTIVE","attributes":%s,"categoryIds":["%s"],
                         "media":[{"url":"https://cdn.example.com/%s.jpg","type":"IMAGE"}],
                         "variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"%s"}]}]}"""
                        .formatted(unique("p-"), name, description, attributes, categoryId, sku, sku, price))
                .post("/products").then().statusCode(201).extract().path("id");
        awaitListed(id);
        return new String[]{id, sku};
    }

    /** Until the product is in this instance's search index (it gets there through catalog.product.v1). */
    static void awaitListed(String productId) {
        await().atMost(DEADLINE).until(() -> given().queryParam("currency", "EUR").get("/storefront/products/" + productId)
                .statusCode() == 200);
    }

    private static JsonPath find(Object... parameters) {
        RequestSpecification request = given().queryParam("currency", "EUR");
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam((String) parameters[i], parameters[i + 1]);
        }
        return request.get("/storefront/products").then().statusCode(200).extract().jsonPath();
    }

    private void stockLevel(String sku, long sequence, long available, String status) {
        inventory.publish("inventory.stock-level.v1", "commerce.inventory.stock-level-changed.v1", sku, sequence, """
                {"sku":"%s","onHand":%d,"reserved":0,"available":%d,"status":"%s","expectedRestockDate":%s}"""
                .formatted(sku, available, available, status, "BACKORDERABLE".equals(status) ? "\"2026-12-24\"" : "null"));
    }

    @Test
    void a_category_lists_its_subcategories_products_sorted_filtered_paged_and_counted() {
        String shoes = category(null);
        String running = category(shoes);
        String trail = category(running);
        String[] cheap = product("Road Flyer", "daily shoe", "{\"colour\":\"blue\",\"terrain\":[\"road\"]}", running, "40.00");
        String[] middle = product("Trail Grip", "grippy", "{\"colour\":\"red\",\"terrain\":[\"trail\",\"mud\"]}", trail, "90.00");
        String[] dear = product("Alpine Pro", "for mountains", "{\"colour\":\"blue\",\"terrain\":[\"trail\"]}", shoes, "150.00");
        product("Unrelated", "elsewhere", "{}", category(null), "10.00");

        JsonPath all = find("category", shoes, "sort", "price_asc");
        assertThat(all.getList("items.id")).containsExactly(cheap[0], middle[0], dear[0]);
        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(all.getString("items[0].price.amount")).isEqualTo("40.00");
        assertThat(find("category", running, "sort", "price_desc").getList("items.id")).containsExactly(middle[0], cheap[0]);
        assertThat(find("category", shoes, "sort", "name").getList("items.name")).containsExactly("Alpine Pro", "Road Flyer", "Trail Grip");
        assertThat(find("category", shoes).getList("items.id")).containsExactly(dear[0], middle[0], cheap[0]); // newest first

        JsonPath first = find("category", shoes, "sort", "price_asc", "limit", 2);
        assertThat(first.getList("items.id")).containsExactly(cheap[0], middle[0]);
        JsonPath second = find("category", shoes, "sort", "price_asc", "limit", 2, "cursor", first.getString("nextCursor"));
        assertThat(second.getList("items.id")).containsExactly(dear[0]);
        assertThat(second.getString("nextCursor")).isNull();

        assertThat(find("category", shoes, "minPrice", "50", "maxPrice", "150").getList("items.id")).containsExactlyInAnyOrder(middle[0], dear[0]);
        assertThat(find("category", shoes, "attr.colour", "blue").getList("items.id")).containsExactlyInAnyOrder(cheap[0], dear[0]);
        assertThat(find("category", shoes, "attr.terrain", "trail", "attr.colour", "blue").getList("items.id")).containsExactly(dear[0]);
        // as a generated client and Swagger UI send them: one repeated parameter of name:value pairs
        assertThat(find("category", shoes, "attr", "terrain:trail", "attr", "colour:blue").getList("items.id")).containsExactly(dear[0]);

        JsonPath facets = find("category", shoes).setRootPath("facets");
        assertThat(facets.getList("attributes.colour.value")).containsExactly("blue", "red");
        assertThat(facets.getList("attributes.colour.count", Integer.class)).containsExactly(2, 1);
        assertThat(facets.getList("attributes.terrain.value")).containsExactly("trail", "mud", "road");
        assertThat(facets.getList("priceBands.value")).containsExactly("0-25", "25-50", "50-100", "100-200", "200-500", "500+");
        assertThat(facets.getList("priceBands.count", Integer.class)).containsExactly(0, 1, 1, 1, 0, 0);
        assertThat(facets.getList("categories.categoryId")).containsExactlyInAnyOrder(shoes, running, trail);

        assertThat(facets.getInt("inStock")).isZero();

        stockLevel(middle[1], 1, 4, "LOW_STOCK");
        await().atMost(DEADLINE).until(() -> find("category", shoes, "inStock", true).getList("items.id").equals(List.of(middle[0])));
        assertThat(find("category", shoes).getList("items.available")).containsExactly(false, true, false);
        assertThat(find("category", shoes).getInt("facets.inStock")).isEqualTo(1);
    }

    @Test
    void search_ranks_name_above_description_above_attributes_and_matches_prefixes() {
        String word = unique("zq");
        String categoryId = category(null);
        String[] inAttributes = product("Plain", "nothing here", "{\"note\":\"" + word + "\"}", categoryId, "10.00");
        String[] inDescription = product("Basic", "made with " + word + " fabric", "{}", categoryId, "20.00");
        String[] inName = product("The " + word + " Runner", "shoe", "{}", categoryId, "30.00");

        assertThat(find("q", word).getList("items.id")).containsExactly(inName[0], inDescription[0], inAttributes[0]);
        assertThat(find("q", word.substring(0, 6)).getList("items.id")).containsExactly(inName[0], inDescription[0], inAttributes[0]);
        assertThat(find("q", word + " runn").getList("items.id")).containsExactly(inName[0]);
        assertThat(find("q", word, "sort", "price_desc").getList("items.id")).containsExactly(inName[0], inDescription[0], inAttributes[0]);
        JsonPath paged = find("q", word, "limit", 1);
        assertThat(paged.getList("items.id")).containsExactly(inName[0]);
        assertThat(find("q", word, "limit", 1, "cursor", paged.getString("nextCursor")).getList("items.id"))
                .containsExactly(inDescription[0]);
        assertThat(find("q", word).getInt("total")).isEqualTo(3);
    }

    @Test
    void facets_match_a_count_made_with_sql_over_the_same_data() throws Exception {
        String category = category(null);
        String[] colours = {"blue", "red", "green"};
        for (int i = 0; i < 12; i++) {
            product("Facet " + i, "x", "{\"colour\":\"" + colours[i % 3] + "\",\"terrain\":[\"road\"" + (i % 4 == 0 ? ",\"trail\"" : "")
                    + "],\"drop\":" + (i % 2 == 0 ? "8" : "8.0") + "}", category, (10 + i * 37) + ".50");
        }
        asAdmin().body("""
                {"slug":"%s","name":"Draft","status":"DRAFT","categoryIds":["%s"],"attributes":{"colour":"blue"},
                 "variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"30.00"}]}]}"""
                .formatted(unique("d-"), category, unique("D").toUpperCase())).post("/products").then().statusCode(201);

        JsonPath facets = find("category", category).setRootPath("facets");
        Map<String, Long> attributes = new TreeMap<>();
        for (String name : List.of("colour", "terrain", "drop")) {
            List<String> values = facets.getList("attributes." + name + ".value");
            List<Integer> counts = facets.getList("attributes." + name + ".count", Integer.class);
            for (int i = 0; i < values.size(); i++) {
                attributes.put(name + "=" + values.get(i), counts.get(i).longValue());
            }
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        List<String> bandNames = facets.getList("priceBands.value");
        List<Integer> bandCounts = facets.getList("priceBands.count", Integer.class);
        for (int i = 0; i < bandNames.size(); i++) {
            bands.put(bandNames.get(i), bandCounts.get(i).longValue());
        }

        try (Connection sql = dataSource.getConnection()) {
            assertThat(attributes).isEqualTo(counts(sql, """
                    SELECT e.key || '=' || CASE WHEN jsonb_typeof(v.value) = 'number' THEN trim_scale(v.value::text::numeric)::text
                                                ELSE v.value #>> '{}' END, COUNT(*)
                    FROM product p JOIN product_category pc ON pc.product_id = p.id
                    CROSS JOIN LATERAL jsonb_each(p.attributes) e
                    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e.value) = 'array' THEN e.value
                                                                 ELSE jsonb_build_array(e.value) END) v(value)
                    WHERE p.status = 'ACTIVE' AND pc.category_id = ?::uuid AND jsonb_typeof(v.value) <> 'object'
                    GROUP BY 1""", category));
            assertThat(bands).isEqualTo(counts(sql, """
                    WITH listed AS (SELECT p.id, MIN(vp.amount) AS price FROM product p
                        JOIN product_category pc ON pc.product_id = p.id JOIN variant v ON v.product_id = p.id AND v.active
                        JOIN variant_price vp ON vp.variant_id = v.id AND vp.currency = 'EUR'
                        WHERE p.status = 'ACTIVE' AND pc.category_id = ?::uuid GROUP BY p.id),
                    bands(name, low, high, position) AS (VALUES ('0-25', 0, 25, 1), ('25-50', 25, 50, 2), ('50-100', 50, 100, 3),
                        ('100-200', 100, 200, 4), ('200-500', 200, 500, 5), ('500+', 500, 1e15, 6))
                    SELECT b.name, COUNT(l.id) FROM bands b LEFT JOIN listed l ON l.price >= b.low AND l.price < b.high
                    GROUP BY b.name, b.position ORDER BY b.position""", category));
        }
        assertThat(find("category", category).getInt("total")).isEqualTo(12);
    }

    /** The rows of a (key, count) query as an ordered map. */
    private static Map<String, Long> counts(Connection sql, String query, String parameter) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return query.contains("ORDER BY") ? counts : new TreeMap<>(counts);
    }

    @Test
    void a_currency_without_configured_bands_gets_bands_from_its_own_prices() {
        String category = category(null);
        for (String yen : List.of("480", "900", "1200", "1500", "2400", "3200", "4800", "5600", "9800", "15000")) {
            String sku = unique("Y").toUpperCase();
            String id = asAdmin().body("""
                            {"slug":"%s","name":"Yen %s","status":"ACTIVE","categoryIds":["%s"],
                             "variants":[{"sku":"%s","prices":[{"currency":"JPY","amount":"%s"}]}]}"""
                            .formatted(unique("y-"), yen, category, sku, yen))
                    .post("/products").then().statusCode(201).extract().path("id");
            await().atMost(DEADLINE).until(() -> given().queryParam("currency", "JPY").get("/storefront/products/" + id)
                    .statusCode() == 200);
        }
        JsonPath yen = given().queryParam("currency", "JPY").queryParam("category", category).get("/storefront/products")
                .then().statusCode(200).extract().jsonPath();
        assertThat(yen.getList("facets.priceBands.value")).containsExactly("0-1000", "1000-2500", "2500-5000", "5000-10000", "10000+");
        assertThat(yen.getList("facets.priceBands.count", Integer.class)).containsExactly(2, 3, 2, 2, 1);
        assertThat(yen.getString("items[0].price.amount")).doesNotContain(".");
    }

    @Test
    void suggestions_complete_names_and_categories_typo_tolerant() {
        String word = unique("kq").toLowerCase();
        String categoryId = asAdmin().body("{\"name\":\"" + word + " boots\",\"slug\":\"" + unique("c-") + "\"}")
                .post("/categories").then().statusCode(201).extract().path("id");
        String[] product = product(word + " Hiker", "x", "{}", categoryId, "80.00");
        JsonPath suggested = await().atMost(DEADLINE).until(() -> given().queryParam("q", word.substring(0, 7))
                .get("/storefront/suggestions").then().statusCode(200).extract().jsonPath(),
                json -> json.getList("suggestions").size() == 2);
        assertThat(suggested.getList("suggestions.type")).containsExactlyInAnyOrder("product", "category");
        assertThat(suggested.getList("suggestions.id")).containsExactlyInAnyOrder(product[0], categoryId);
        // one typo in the last word from five letters: a letter swapped
        String typo = word.substring(0, 3) + word.charAt(4) + word.charAt(3) + word.substring(5, 8);
        assertThat(given().queryParam("q", typo).get("/storefront/suggestions").then().statusCode(200)
                .extract().jsonPath().getList("suggestions.text")).contains(word + " Hiker");
        assertThat(given().queryParam("q", word + " hik").queryParam("limit", 1).get("/storefront/suggestions").then()
                .statusCode(200).extract().jsonPath().getList("suggestions.text")).containsExactly(word + " Hiker");
        given().queryParam("q", " ").get("/storefront/suggestions").then().statusCode(400);
        given().queryParam("q", "a").queryParam("limit", 21).get("/storefront/suggestions").then().statusCode(400);
    }

    @Test
    void any_search_text_is_plain_text_and_never_an_error() {
        for (String hostile : List.of("\"'; DROP TABLE product; --", "%", "_", "a & b | !c", "<-> :* (", "'\"\\", "100%_off")) {
            given().queryParam("currency", "EUR").queryParam("q", hostile).get("/storefront/products").then().statusCode(200);
        }
        assertThat(find("q", "%").getList("items")).isEmpty();
    }

    @Test
    void refuses_unknown_filters_bad_ranges_and_sorts_and_unknown_categories() {
        given().queryParam("currency", "EUR").queryParam("colour", "blue").get("/storefront/products").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/unknown-filter"));
        given().queryParam("currency", "EUR").queryParam("minPrice", "50").queryParam("maxPrice", "10")
                .get("/storefront/products").then().statusCode(400).body("errors[0].field", equalTo("minPrice"));
        given().queryParam("currency", "EUR").queryParam("minPrice", "-1").get("/storefront/products").then().statusCode(400);
        given().queryParam("currency", "EUR").queryParam("sort", "relevance").get("/storefront/products").then().statusCode(400);
        given().queryParam("currency", "EUR").queryParam("sort", "cheapest").get("/storefront/products").then().statusCode(400);
        given().get("/storefront/products").then().statusCode(400);
        given().queryParam("currency", "EUR").queryParam("cursor", "garbage").get("/storefront/products").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/invalid-cursor"));
        given().queryParam("currency", "EUR").queryParam("category", UUID.randomUUID()).get("/storefront/products")
                .then().statusCode(404);
    }

    @Test
    void variants_show_availability_from_inventory_events_and_stale_events_are_ignored() {
        String[] product = product("Stocked", "x", "{}", category(null), "12.00");
        given().queryParam("currency", "EUR").get("/storefront/products/" + product[0]).then()
                .body("variants[0].availability.status", equalTo("OUT_OF_STOCK"));
        stockLevel(product[1], 2, 0, "BACKORDERABLE");
        stockLevel(product[1], 1, 9, "IN_STOCK"); // older: must not win
        stockLevel(product[1], 3, 0, "BACKORDERABLE"); // marker: once applied, the stale one was seen before it
        await().atMost(DEADLINE).untilAsserted(() -> given().queryParam("currency", "EUR")
                .get("/storefront/products/" + product[0]).then()
                .body("variants[0].availability.status", equalTo("BACKORDERABLE"))
                .body("variants[0].availability.expectedRestockDate", equalTo("2026-12-24")));
        given().queryParam("currency", "EUR").get("/storefront/products/" + product[0]).then()
                .body("variants[0].availability.status", equalTo("BACKORDERABLE"));
        // searches see a stock level within a second of the product's page
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(find("q", "stocked", "inStock", true).getList("items.id")).contains(product[0]));
        given().queryParam("currency", "EUR").get("/storefront/products/" + product[0]).then()
                .body("variants.sku", contains(product[1]));
    }
}
