package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestTokens;
import dev.commerce.platform.web.idempotency.IdempotencyRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CategoryApiTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String newCategory(String slug) {
        return "{\"name\":\"Name of " + slug + "\",\"slug\":\"" + slug + "\"}";
    }

    private static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void creates_a_category_and_serves_it_with_its_version_as_etag() {
        String slug = uniqueSlug("shoes");
        Response created = asAdmin().body(newCategory(slug)).post("/categories");
        created.then().statusCode(201).header("Location", notNullValue()).header("ETag", "\"0\"")
                .body("slug", equalTo(slug)).body("version", equalTo(0));

        given().get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo("Name of " + slug));
    }

    @Test
    void lists_every_invalid_field() {
        asAdmin().body("{\"name\":\"\",\"slug\":\"Not A Slug\",\"position\":-1}").post("/categories").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://commerce.dev/problems/validation"))
                .body("errors.field", hasItems("name", "slug", "position"));
    }

    @Test
    void names_an_unknown_field_in_the_body() {
        asAdmin().body("{\"name\":\"A\",\"slug\":\"a\",\"position\":\"first\"}").post("/categories").then()
                .statusCode(400).body("errors[0].field", equalTo("position"));
    }

    @Test
    void refuses_a_duplicate_slug_with_409() {
        String slug = uniqueSlug("dup");
        asAdmin().body(newCategory(slug)).post("/categories").then().statusCode(201);
        asAdmin().body(newCategory(slug)).post("/categories").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/duplicate-slug"));
    }

    @Test
    void answers_404_for_an_unknown_category() {
        given().get("/categories/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("https://commerce.dev/problems/not-found"));
    }

    @Test
    void updates_with_a_current_if_match_and_refuses_a_stale_one() {
        String id = asAdmin().body(newCategory(uniqueSlug("rename"))).post("/categories").path("id");

        asAdmin().header("If-Match", "\"0\"").body("{\"name\":\"Renamed\",\"position\":2}").put("/categories/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renamed"));

        asAdmin().header("If-Match", "\"0\"").body("{\"name\":\"Lost update\"}").put("/categories/" + id)
                .then().statusCode(412).body("type", equalTo("https://commerce.dev/problems/stale-version"));
        given().get("/categories/" + id).then().body("name", equalTo("Renamed"));
    }

    @Test
    void replays_the_first_response_for_a_repeated_idempotency_key() {
        String key = UUID.randomUUID().toString();
        String body = newCategory(uniqueSlug("idem"));
        String firstId = asAdmin().header("Idempotency-Key", key).body(body).post("/categories")
                .then().statusCode(201).extract().path("id");

        asAdmin().header("Idempotency-Key", key).body(body).post("/categories").then()
                .statusCode(201).header("Idempotency-Replayed", "true").header("Location", notNullValue())
                .body("id", equalTo(firstId));
    }

    @Test
    void refuses_a_reused_idempotency_key_with_another_body() {
        String key = UUID.randomUUID().toString();
        asAdmin().header("Idempotency-Key", key).body(newCategory(uniqueSlug("first"))).post("/categories")
                .then().statusCode(201);
        asAdmin().header("Idempotency-Key", key).body(newCategory(uniqueSlug("second"))).post("/categories")
                .then().statusCode(422).body("type", equalTo("https://commerce.dev/problems/idempotency-key-reused"));
    }

    @Test
    void answers_409_while_a_request_with_the_same_key_is_in_flight() throws Exception {
        String key = UUID.randomUUID().toString();
        long lock = new IdempotencyRecords.Key("admin@commerce.local", "POST", "/categories", key).lockId();
        String slug = uniqueSlug("flight");
        try (Connection inFlight = TestDatabase.connect()) {
            inFlight.setAutoCommit(false);
            try (PreparedStatement hold = inFlight.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                hold.setLong(1, lock);
                hold.execute();
            }
            asAdmin().header("Idempotency-Key", key).body(newCategory(slug)).post("/categories")
                    .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/idempotency-key-in-flight"));
            inFlight.rollback();
        }
        asAdmin().header("Idempotency-Key", key).body(newCategory(slug)).post("/categories").then().statusCode(201);
    }

    @Test
    void pages_through_categories_with_an_opaque_cursor() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            asAdmin().body(newCategory(prefix + "-" + i)).post("/categories").then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/categories");
            page.then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2));
            seen.addAll(page.jsonPath().getList("items.slug"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        List<String> ours = seen.stream().filter(s -> s.startsWith(prefix)).toList();
        assertThat(ours).containsExactly(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
        assertThat(seen).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void refuses_an_out_of_range_limit_and_a_forged_cursor() {
        given().queryParam("limit", 101).get("/categories").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/categories").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/invalid-cursor"));
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        given().queryParam("limit", 100).get("/categories").then().statusCode(200)
                .body("nextCursor", nullValue()).body("items", notNullValue());
    }

    @Test
    void writes_the_request_id_into_the_log_lines_of_that_request() {
        List<ExtLogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("dev.commerce.catalog")) {
                    ext.copyMdc();
                    synchronized (records) {
                        records.add(ext);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String slug = uniqueSlug("logged");
            asAdmin().header("X-Request-Id", "trace-" + slug).body(newCategory(slug)).post("/categories")
                    .then().statusCode(201).header("X-Request-Id", "trace-" + slug);
            synchronized (records) {
                assertThat(records).filteredOn(r -> r.getFormattedMessage().contains(slug)).hasSize(1)
                        .allSatisfy(r -> assertThat(r.getMdcCopy().get("requestId")).isEqualTo("trace-" + slug));
            }
        } finally {
            root.removeHandler(capture);
        }
    }
}
