package dev.commerce.order.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Reads orders arranged directly in the database: listing, paging, money and who sees what. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderApiTest {

    private static UUID insertOrder(String customerId, String number, Instant placedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection db = TestDatabase.connect(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO customer_order (id, order_number, customer_id, cart_id, status, currency, grand_total,
                    version, placed_at, updated_at) VALUES (?, ?, ?, ?, 'CONFIRMED', 'EUR', 59.9000, 0, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, number);
            insert.setString(3, customerId);
            insert.setObject(4, UUID.randomUUID());
            insert.setTimestamp(5, Timestamp.from(placedAt));
            insert.setTimestamp(6, Timestamp.from(placedAt));
            insert.executeUpdate();
        }
        return id;
    }

    @Test
    void a_customer_sees_their_own_orders_newest_first_page_by_page() throws Exception {
        String customer = "customer-" + UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 3; i++) {
            insertOrder(customer, "N-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i, start.plusSeconds(i));
        }
        insertOrder("someone-else", "N-" + UUID.randomUUID().toString().substring(0, 8), start.plusSeconds(10));

        List<String> placed = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.customer(customer)).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.get("/orders");
            page.then().statusCode(200);
            assertThat(page.jsonPath().getList("items.customerId", String.class)).containsOnly(customer);
            placed.addAll(page.jsonPath().getList("items.placedAt"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertThat(placed).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void money_is_a_decimal_string_with_its_currency() throws Exception {
        String customer = "customer-" + UUID.randomUUID();
        UUID id = insertOrder(customer, "N-" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
        given().auth().oauth2(TestTokens.customer(customer)).get("/orders/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("grandTotal.amount", equalTo("59.90")).body("grandTotal.currency", equalTo("EUR"));
    }

    @Test
    void another_customers_order_is_not_found_but_an_admin_sees_it() throws Exception {
        UUID id = insertOrder("owner-" + UUID.randomUUID(), "N-" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
        given().auth().oauth2(TestTokens.customer("intruder")).get("/orders/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/orders/" + id).then().statusCode(200);
    }
}
