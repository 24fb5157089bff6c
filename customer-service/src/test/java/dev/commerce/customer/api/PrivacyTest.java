package dev.commerce.customer.api;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.PersonalDataSearch;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Privacy requests at customer-service, with cart, order and payment played by the test on their own privacy
 * topics: an export collects every part into one document; an erasure deletes the account, forgets it on customer.v1
 * and completes once every service confirmed, leaving the address in no table of this service.
 */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PrivacyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery staple";
    private final Storefront storefront = new Storefront();

    @BeforeAll
    static void topics() {
        for (String topic : new String[]{Topics.CART_PRIVACY, Topics.ORDER_PRIVACY, Topics.PAYMENT_PRIVACY}) {
            TestEvents.ensureTopic(topic);
        }
    }

    @Test
    void an_export_gathers_every_services_part_into_one_document() {
        String email = Storefront.newEmail();
        JsonPath session = storefront.newCustomer(email, PASSWORD);
        String token = session.getString("accessToken");
        String customerId = session.getString("customerId");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("firstName", "Ana", "lastName", "Kowalska",
                "line1", "ul. Długa 5", "postalCode", "80-001", "city", "Gdańsk", "country", "PL"))
                .post("/customers/me/addresses").then().statusCode(201);

        JsonPath export = given().auth().oauth2(token).post("/customers/me/privacy-exports").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("services.customer-service", equalTo(true))
                .body("services.cart-service", equalTo(false)).extract().jsonPath();
        String requestId = export.getString("id");
        JsonPath requested = event(Topics.CUSTOMER_PRIVACY, EventTypes.PRIVACY_EXPORT_REQUESTED, customerId);
        assertThat(requested.getString("email")).isEqualTo(email);
        assertThat(requested.getString("requestId")).isEqualTo(requestId);

        try (TestEvents cart = TestEvents.as("cart-service"); TestEvents order = TestEvents.as("order-service");
             TestEvents payment = TestEvents.as("payment-service")) {
            cart.publish(Topics.CART_PRIVACY, EventTypes.CART_PRIVACY_EXPORT_PART, customerId, 1, part(requestId, customerId, "cart-service", 1, 2, "[{\"id\":\"cart-1\"}]"));
            order.publish(Topics.ORDER_PRIVACY, EventTypes.ORDER_PRIVACY_EXPORT_PART, customerId, 1, part(requestId, customerId, "order-service", 1, 1, "[{\"id\":\"order-1\"}]"));
            payment.publish(Topics.PAYMENT_PRIVACY, EventTypes.PAYMENT_PRIVACY_EXPORT_PART, customerId, 1, part(requestId, customerId, "payment-service", 1, 1, "[]"));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(token)
                .get("/customers/me/privacy-exports/" + requestId).then().body("services.order-service", equalTo(true)));
        given().auth().oauth2(token).get("/customers/me/privacy-exports/" + requestId + "/document").then()
                .statusCode(409).body("type", equalTo("https://commerce.dev/problems/export-not-ready"));

        try (TestEvents cart = TestEvents.as("cart-service")) {
            cart.publish(Topics.CART_PRIVACY, EventTypes.CART_PRIVACY_EXPORT_PART, customerId, 2, part(requestId, customerId, "cart-service", 2, 2, "[{\"id\":\"cart-2\"}]"));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(token)
                .get("/customers/me/privacy-exports/" + requestId).then().body("status", equalTo("READY")));
        given().auth().oauth2(token).get("/customers/me/privacy-exports/" + requestId + "/document").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("parts.customer-service[0].email", equalTo(email))
                .body("parts.customer-service[0].addresses[0].city", equalTo("Gdańsk"))
                .body("parts.customer-service[0].passwordHash", org.hamcrest.Matchers.nullValue())
                .body("parts.cart-service.id", contains("cart-1", "cart-2"))
                .body("parts.order-service.id", contains("order-1"))
                .body("parts.payment-service", org.hamcrest.Matchers.empty());

        String other = storefront.newCustomer(Storefront.newEmail(), PASSWORD).getString("accessToken");
        given().auth().oauth2(other).get("/customers/me/privacy-exports/" + requestId).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/privacy-requests/" + requestId).then().statusCode(200)
                .body("status", equalTo("READY"));
    }

    @Test
    void an_erasure_forgets_the_account_everywhere_here_and_completes_when_every_service_confirmed() throws Exception {
        String email = Storefront.newEmail();
        JsonPath session = storefront.newCustomer(email, PASSWORD);
        String token = session.getString("accessToken");
        String customerId = session.getString("customerId");
        storefront.signIn(email, "a wrong password").statusCode(401);
        String exportId = given().auth().oauth2(token).post("/customers/me/privacy-exports").then().statusCode(202)
                .extract().path("id");

        given().auth().oauth2(token).contentType("application/json").body(Map.of("password", "not it"))
                .post("/customers/me/erasure").then().statusCode(422);
        String erasureId = given().auth().oauth2(token).contentType("application/json").body(Map.of("password", PASSWORD))
                .post("/customers/me/erasure").then().statusCode(202).body("kind", equalTo("ERASURE"))
                .body("status", equalTo("PENDING")).extract().path("id");

        try (EventProbe accounts = EventProbe.of(Topics.CUSTOMER)) {
            EventProbe.ReceivedEvent tombstone = accounts.awaitEvent(e -> customerId.equals(e.key())
                    && EventTypes.CUSTOMER_ERASED.equals(e.header("ce_type")), DEADLINE);
            assertThat(tombstone.payload()).as("a tombstone has no value").isNull();
        }
        JsonPath erased = event(Topics.CUSTOMER_PRIVACY, EventTypes.CUSTOMER_ERASED, customerId);
        assertThat(erased.getString("email")).isEqualTo(email);
        storefront.signIn(email, PASSWORD).statusCode(401);
        storefront.refresh(session.getString("refreshToken")).statusCode(401);
        given().auth().oauth2(TestTokens.admin()).get("/customers/" + customerId).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).get("/privacy-requests/" + exportId).then().statusCode(404); // its exports go too

        try (TestEvents cart = TestEvents.as("cart-service"); TestEvents order = TestEvents.as("order-service");
             TestEvents payment = TestEvents.as("payment-service")) {
            cart.publish(Topics.CART_PRIVACY, EventTypes.CART_PRIVACY_ERASURE_COMPLETED, customerId, 1, done(erasureId, customerId, "cart-service"));
            order.publish(Topics.ORDER_PRIVACY, EventTypes.ORDER_PRIVACY_ERASURE_COMPLETED, customerId, 1, done(erasureId, customerId, "order-service"));
            payment.publish(Topics.PAYMENT_PRIVACY, EventTypes.PAYMENT_PRIVACY_ERASURE_COMPLETED, customerId, 1, done(erasureId, customerId, "payment-service"));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .get("/privacy-requests/" + erasureId).then().statusCode(200).body("status", equalTo("COMPLETED")));
        Awaitility.await("the outbox to hand its events to the broker").atMost(DEADLINE).untilAsserted(() -> {
            try (Connection database = TestDatabase.connect()) {
                assertThat(PersonalDataSearch.rowsMentioning(database, email)).isEmpty();
            }
        });
    }

    private static String part(String requestId, String customerId, String service, int part, int parts, String data) {
        return "{\"requestId\":\"%s\",\"customerId\":\"%s\",\"service\":\"%s\",\"part\":%d,\"parts\":%d,\"data\":%s}"
                .formatted(requestId, customerId, service, part, parts, data);
    }

    private static String done(String requestId, String customerId, String service) {
        return "{\"requestId\":\"%s\",\"customerId\":\"%s\",\"service\":\"%s\"}".formatted(requestId, customerId, service);
    }

    private static JsonPath event(String topic, String type, String customerId) {
        try (EventProbe probe = EventProbe.of(topic)) {
            EventProbe.ReceivedEvent event = probe.awaitEvent(e -> customerId.equals(e.key()) && type.equals(e.header("ce_type")), DEADLINE);
            EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
            EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
            return JsonPath.from(event.payload());
        }
    }
}
