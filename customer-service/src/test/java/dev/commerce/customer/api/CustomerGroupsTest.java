package dev.commerce.customer.api;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Customer groups and confirmed-order counts, as customer-upserted announces them for read models. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CustomerGroupsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private final Storefront storefront = new Storefront();

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    @Test
    void the_merchant_manages_groups_and_customers_join_them_as_announced() {
        String code = "vip-" + UUID.randomUUID().toString().substring(0, 6);
        admin().body(Map.of("code", code, "name", "VIP")).post("/customer-groups").then().statusCode(201)
                .body("code", equalTo(code));
        admin().body(Map.of("code", code, "name", "Again")).post("/customer-groups").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/customer-group-exists"));
        admin().body(Map.of("code", "Not A Code", "name", "x")).post("/customer-groups").then().statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/invalid-group-code"));
        admin().body(Map.of("name", "VIP customers")).put("/customer-groups/" + code).then().statusCode(428);
        String etag = admin().get("/customer-groups/" + code).then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag).body(Map.of("name", "VIP customers")).put("/customer-groups/" + code)
                .then().statusCode(200).body("name", equalTo("VIP customers"));

        String customerId = storefront.newCustomer(Storefront.newEmail(), "correct horse battery staple").getString("customerId");
        admin().body(Map.of("groups", List.of(code, "no-such-group"))).put("/customers/" + customerId + "/groups")
                .then().statusCode(422).body("unknownGroups", contains("no-such-group"));
        admin().body(Map.of("groups", List.of(code))).put("/customers/" + customerId + "/groups").then().statusCode(200)
                .body("groups", contains(code));
        JsonPath announced = upserted(customerId, payload -> payload.getList("groups").contains(code));
        org.assertj.core.api.Assertions.assertThat(announced.getInt("confirmedOrders")).isZero();

        String groupEtag = admin().get("/customer-groups/" + code).then().extract().header("ETag");
        admin().header("If-Match", groupEtag).delete("/customer-groups/" + code).then().statusCode(204);
        admin().get("/customers/" + customerId).then().statusCode(200).body("groups", empty());
        upserted(customerId, payload -> payload.getList("groups").isEmpty() && payload.getString("updatedAt") != null
                && !payload.getString("updatedAt").equals(announced.getString("updatedAt")));
    }

    @Test
    void confirmed_orders_are_counted_once_each_from_order_service() {
        String customerId = storefront.newCustomer(Storefront.newEmail(), "correct horse battery staple").getString("customerId");
        TestEvents.ensureTopic(Topics.ORDER);
        try (TestEvents orders = TestEvents.as("order-service")) {
            String first = orders.publish(Topics.ORDER, EventTypes.ORDER_CONFIRMED, UUID.randomUUID().toString(), 3,
                    confirmed(customerId));
            orders.publish(Topics.ORDER, EventTypes.ORDER_CONFIRMED, UUID.randomUUID().toString(), 3, confirmed(customerId), first);
            orders.publish(Topics.ORDER, EventTypes.ORDER_CONFIRMED, UUID.randomUUID().toString(), 3, confirmed("customer-1"));
            orders.publish(Topics.ORDER, EventTypes.ORDER_CONFIRMED, UUID.randomUUID().toString(), 3, confirmed(customerId));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() ->
                admin().get("/customers/" + customerId).then().statusCode(200).body("confirmedOrders", equalTo(2)));
        upserted(customerId, payload -> payload.getInt("confirmedOrders") == 2);
    }

    private static String confirmed(String customerId) {
        return "{\"orderId\":\"" + UUID.randomUUID() + "\",\"orderNumber\":\"C-100042\",\"customerId\":\"" + customerId + "\"}";
    }

    /** The customer's customer-upserted that matches, validated against its contract. */
    private static JsonPath upserted(String customerId, java.util.function.Predicate<JsonPath> matching) {
        try (EventProbe probe = EventProbe.of(Topics.CUSTOMER)) {
            EventProbe.ReceivedEvent event = probe.awaitEvent(e -> customerId.equals(e.key())
                    && matching.test(JsonPath.from(e.payload())), DEADLINE);
            EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
            return JsonPath.from(event.payload());
        }
    }
}
