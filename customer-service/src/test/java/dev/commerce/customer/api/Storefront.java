package dev.commerce.customer.api;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * A storefront calling customer-service from its own client address (X-Forwarded-For, trusted in tests), reading
 * the mails it would send from customer.notification.v1 as the mailer would.
 */
final class Storefront {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final String clientAddress = "10.1." + (ADDRESSES.incrementAndGet() / 250) + "." + (ADDRESSES.get() % 250 + 1);

    static String newEmail() {
        return "shopper-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    RequestSpecification call() {
        return given().header("X-Forwarded-For", clientAddress).contentType(ContentType.JSON);
    }

    ValidatableResponse signUp(String email, String password, String name) {
        return call().body(Map.of("email", email, "password", password, "name", name))
                .when().post("/auth/sign-up").then();
    }

    ValidatableResponse signIn(String email, String password) {
        return call().body(Map.of("email", email, "password", password)).when().post("/auth/sign-in").then();
    }

    ValidatableResponse refresh(String refreshToken) {
        return call().body(Map.of("refreshToken", refreshToken)).when().post("/auth/refresh").then();
    }

    /** Signs up and in; returns the session (accessToken, refreshToken, customerId). */
    JsonPath newCustomer(String email, String password) {
        signUp(email, password, "Ana Kowalska").statusCode(202);
        return signIn(email, password).statusCode(200).extract().jsonPath();
    }

    /** The payload of the newest mail of {@code ceType} sent to {@code email}, checked against its schema. */
    static JsonPath mail(String ceType, String email) {
        return mails(ceType, email, 1);
    }

    /** The payload of the {@code nth} mail of {@code ceType} to {@code email}. */
    static JsonPath mails(String ceType, String email, int nth) {
        try (EventProbe probe = EventProbe.of(Topics.CUSTOMER_NOTIFICATION)) {
            EventProbe.ReceivedEvent event = probe.awaitEvents(e -> ceType.equals(e.header("ce_type"))
                    && email.equals(JsonPath.from(e.payload()).getString("email")), nth, DEADLINE).get(nth - 1);
            EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
            EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
            return JsonPath.from(event.payload());
        }
    }

    static String verificationToken(String email) {
        return mail(EventTypes.EMAIL_VERIFICATION_REQUESTED, email).getString("token");
    }
}
