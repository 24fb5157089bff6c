package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Category changes reach Kafka through the outbox, as CloudEvents that keep their contract. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CategoryEventsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    @Test
    void creating_and_renaming_a_category_publish_category_upserted_in_order() {
        String slug = "evt-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin().header("X-Request-Id", "req-" + slug).body("{\"name\":\"Events\",\"slug\":\"" + slug + "\"}")
                .post("/categories").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", "\"0\"").body("{\"name\":\"Events renamed\",\"position\":3}")
                .put("/categories/" + id).then().statusCode(200);

        try (EventProbe probe = EventProbe.of("catalog.category.v1")) {
            List<EventProbe.ReceivedEvent> events = probe.awaitEvents(e -> id.equals(e.key()), 2, DEADLINE);
            assertThat(events).extracting(e -> e.header("ce_sequence")).containsExactly("1", "2");
            assertThat(JsonPath.from(events.get(1).payload()).getString("name")).isEqualTo("Events renamed");

            EventProbe.ReceivedEvent created = events.get(0);
            assertThat(created.header("ce_type")).isEqualTo("commerce.catalog.category-upserted.v1");
            assertThat(created.header("ce_source")).isEqualTo("catalog-service");
            assertThat(created.header("ce_subject")).isEqualTo(id);
            assertThat(created.header("ce_specversion")).isEqualTo("1.0");
            assertThat(created.header("ce_id")).isNotBlank();
            assertThat(created.header("ce_time")).isNotBlank();
            assertThat(created.header("x-request-id")).isEqualTo("req-" + slug);
            for (EventProbe.ReceivedEvent event : events) {
                EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
                EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
            }
        }
    }

    @Test
    void a_subcategory_event_carries_its_full_path() {
        String parentSlug = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        String parentId = asAdmin().body("{\"name\":\"Parent\",\"slug\":\"" + parentSlug + "\"}").post("/categories").path("id");
        String childId = asAdmin().body("{\"name\":\"Child\",\"slug\":\"child-" + parentSlug + "\",\"parentId\":\"" + parentId + "\"}")
                .post("/categories").then().statusCode(201).extract().path("id");

        try (EventProbe probe = EventProbe.of("catalog.category.v1")) {
            EventProbe.ReceivedEvent child = probe.awaitEvent(e -> childId.equals(e.key()), DEADLINE);
            assertThat(JsonPath.from(child.payload()).getString("path")).isEqualTo("/" + parentSlug + "/child-" + parentSlug);
            assertThat(JsonPath.from(child.payload()).getString("parentId")).isEqualTo(parentId);
            EventContracts.assertValidPayload(child.header("ce_type"), child.payload());
        }
    }

    @Test
    void a_refused_change_publishes_nothing() {
        String slug = "dup-evt-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin().body("{\"name\":\"Once\",\"slug\":\"" + slug + "\"}").post("/categories").path("id");
        asAdmin().body("{\"name\":\"Twice\",\"slug\":\"" + slug + "\"}").post("/categories").then().statusCode(409);
        asAdmin().header("If-Match", "\"7\"").body("{\"name\":\"Stale\"}").put("/categories/" + id).then().statusCode(412);

        try (EventProbe probe = EventProbe.of("catalog.category.v1")) {
            probe.awaitEvent(e -> id.equals(e.key()), DEADLINE);
            String marker = asAdmin().body("{\"name\":\"Marker\",\"slug\":\"marker-" + slug + "\"}").post("/categories").path("id");
            probe.awaitEvent(e -> marker.equals(e.key()), DEADLINE); // published after the refused changes
            assertThat(probe.received()).filteredOn(e -> id.equals(e.key())).hasSize(1);
            assertThat(probe.received()).noneMatch(e -> e.payload().contains("\"Twice\"") || e.payload().contains("\"Stale\""));
        }
    }
}
