package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Moving and deleting categories, and republishing the catalog. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CategoryTreeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static EventProbe categoryEvents;

    @BeforeAll
    static void listen() {
        categoryEvents = EventProbe.of("catalog.category.v1");
    }

    @AfterAll
    static void stopListening() {
        categoryEvents.close();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String[] category(String parentId) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String parent = parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"";
        String id = asAdmin().body("{\"name\":\"T\",\"slug\":\"" + slug + "\"" + parent + "}").post("/categories")
                .then().statusCode(201).extract().path("id");
        return new String[]{id, slug};
    }

    private static List<EventProbe.ReceivedEvent> eventsOf(String id, int count) {
        List<EventProbe.ReceivedEvent> events = categoryEvents.awaitEvents(e -> id.equals(e.key()), count, DEADLINE);
        events.forEach(e -> EventContracts.assertValidPayload(e.header("ce_type"), e.payload()));
        return events;
    }

    @Test
    void a_move_carries_the_subtree_and_announces_the_new_paths_but_never_makes_a_cycle() {
        String[] shoes = category(null);
        String[] running = category(shoes[0]);
        String[] trail = category(running[0]);
        String[] sale = category(null);

        asAdmin().header("If-Match", "*").body("{\"parentId\":\"" + trail[0] + "\"}").post("/categories/" + shoes[0] + "/move").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/category-cycle"));
        asAdmin().header("If-Match", "*").body("{\"parentId\":\"" + shoes[0] + "\"}").post("/categories/" + shoes[0] + "/move").then().statusCode(409);
        asAdmin().header("If-Match", "*").body("{\"parentId\":\"" + UUID.randomUUID() + "\"}").post("/categories/" + running[0] + "/move")
                .then().statusCode(400).body("type", equalTo("https://commerce.dev/problems/unknown-parent"));
        asAdmin().header("If-Match", "*").header("If-Match", "\"9\"").body("{\"parentId\":\"" + sale[0] + "\"}").post("/categories/" + running[0] + "/move")
                .then().statusCode(412);

        asAdmin().header("If-Match", "*").header("If-Match", "\"0\"").body("{\"parentId\":\"" + sale[0] + "\"}").post("/categories/" + running[0] + "/move")
                .then().statusCode(200).body("parentId", equalTo(sale[0]));
        assertThat(JsonPath.from(eventsOf(running[0], 2).get(1).payload()).getString("path"))
                .isEqualTo("/" + sale[1] + "/" + running[1]);
        assertThat(JsonPath.from(eventsOf(trail[0], 2).get(1).payload()).getString("path"))
                .isEqualTo("/" + sale[1] + "/" + running[1] + "/" + trail[1]);

        asAdmin().header("If-Match", "*").body("{\"parentId\":null}").post("/categories/" + running[0] + "/move").then().statusCode(200)
                .body("parentId", nullValue());
        asAdmin().header("If-Match", "*").body("{\"parentId\":\"" + trail[0] + "\"}").post("/categories/" + sale[0] + "/move").then().statusCode(200);
    }

    @Test
    void only_an_empty_leaf_category_can_be_deleted_and_its_deletion_is_announced() {
        String[] parent = category(null);
        String[] child = category(parent[0]);
        asAdmin().delete("/categories/" + parent[0]).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/category-has-children"));
        asAdmin().body("""
                {"slug":"in-%s","name":"P","categoryIds":["%s"],"variants":[{"sku":"IN-%s"}]}"""
                .formatted(child[1], child[0], child[1].toUpperCase())).post("/products").then().statusCode(201);
        asAdmin().delete("/categories/" + child[0]).then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/category-in-use"));

        String[] empty = category(parent[0]);
        asAdmin().delete("/categories/" + empty[0]).then().statusCode(204);
        asAdmin().get("/categories/" + empty[0]).then().statusCode(404);
        EventProbe.ReceivedEvent deleted = eventsOf(empty[0], 2).get(1);
        assertThat(deleted.header("ce_type")).isEqualTo("commerce.catalog.category-deleted.v1");
        asAdmin().delete("/categories/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void republishing_announces_every_category_and_product_again() {
        String[] category = category(null);
        eventsOf(category[0], 1);
        String productId = asAdmin().body("""
                {"slug":"rp-%s","name":"P","status":"ACTIVE","variants":[{"sku":"RP-%s"}]}"""
                .formatted(category[1], category[1].toUpperCase())).post("/products").then().statusCode(201).extract().path("id");

        JsonPath counts = asAdmin().post("/admin/catalog/republish").then().statusCode(200).extract().jsonPath();
        assertThat(counts.getInt("categories")).isPositive();
        assertThat(counts.getInt("products")).isPositive();
        eventsOf(category[0], 2);
        try (EventProbe products = EventProbe.of("catalog.product.v1")) {
            assertThat(products.awaitEvents(e -> productId.equals(e.key()), 2, DEADLINE)).hasSize(2);
        }
        given().auth().oauth2(TestTokens.customer("c")).post("/admin/catalog/republish").then().statusCode(403);
    }
}
