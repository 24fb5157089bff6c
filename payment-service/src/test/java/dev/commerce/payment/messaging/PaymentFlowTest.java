package dev.commerce.payment.messaging;

import dev.commerce.payment.provider.NotificationSignatures;
import dev.commerce.payment.provider.TestPaymentProvider;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** payment-service in the checkout saga: order events in, payment events out, and the API around them. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PaymentFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static TestEvents orderService;
    private static EventProbe paymentEvents;

    @Inject
    TestPaymentProvider provider;

    @BeforeAll
    static void connect() {
        TestEvents.ensureTopic(OrderSaga.ORDER_TOPIC);
        orderService = TestEvents.as("order-service");
        paymentEvents = EventProbe.of("payment.v1");
    }

    @AfterAll
    static void disconnect() {
        orderService.close();
        paymentEvents.close();
    }

    private static OrderSaga order() {
        return new OrderSaga(orderService, paymentEvents, "customer-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A card token of the test provider standing for a card of its own (velocity rules count per card). */
    private static String card(String token) {
        return token + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(OrderSaga order) {
        return given().auth().oauth2(TestTokens.customer(order.customerId)).contentType(ContentType.JSON);
    }

    private static JsonPath payment(String paymentId) {
        return asAdmin().get("/payments/" + paymentId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_customers_payments_are_exported_and_at_erasure_keep_only_the_provider_reference_and_last_four_digits()
            throws Exception {
        String customerId = UUID.randomUUID().toString();
        String email = "payer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        OrderSaga signedIn = new OrderSaga(orderService, paymentEvents, customerId);
        signedIn.requestPayment("12.00", card("tok_approved"));
        String paymentId = signedIn.answer("payment-authorized").getString("paymentId");
        OrderSaga asGuest = order();
        asGuest.requestGuestPayment("8.00", card("tok_approved"), email);
        String guestPaymentId = asGuest.answer("payment-authorized").getString("paymentId");

        dev.commerce.platform.testing.PrivacyRequestsProbe privacy = new dev.commerce.platform.testing.PrivacyRequestsProbe("payment");
        List<Map<String, Object>> exported = privacy.exportedRecords(privacy.requestExport(customerId, email.toUpperCase()));
        assertThat(exported).extracting(record -> record.get("id")).containsExactlyInAnyOrder(paymentId, guestPaymentId);
        assertThat(exported).allSatisfy(record -> assertThat(record).doesNotContainKey("method_token").containsKey("transactions"));

        privacy.awaitErasureCompleted(privacy.erase(customerId, email));
        for (String id : List.of(paymentId, guestPaymentId)) {
            asAdmin().get("/payments/" + id).then().statusCode(200).body("cardLast4", equalTo("4242"))
                    .body("status", equalTo("AUTHORIZED"));
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> {
            try (java.sql.Connection database = dev.commerce.platform.testing.TestDatabase.connect()) {
                assertThat(dev.commerce.platform.testing.PersonalDataSearch.rowsMentioning(database, email)).isEmpty();
                // the customer id stays only as a pseudonym: the outbox's sequence counter of the privacy answers
                assertThat(dev.commerce.platform.testing.PersonalDataSearch.rowsMentioning(database, customerId))
                        .containsOnlyKeys("outbox_aggregate");
            }
        });
    }

    @Test
    void an_approved_card_is_authorized_and_only_its_last_four_digits_are_kept() {
        OrderSaga order = order();
        String attemptId = order.requestPayment("94.80", card("tok_approved"));
        JsonPath authorized = order.answer("payment-authorized");
        assertThat(authorized.getString("paymentAttemptId")).isEqualTo(attemptId);
        assertThat(authorized.getString("amount")).isEqualTo("94.80");
        assertThat(authorized.getInt("riskScore")).isZero();
        assertThat(authorized.getBoolean("flaggedForReview")).isFalse();

        String paymentId = authorized.getString("paymentId");
        as(order).get("/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("AUTHORIZED")).body("cardLast4", equalTo("4242"))
                .body("amount.amount", equalTo("94.80")).body("amount.currency", equalTo("EUR"))
                .body("transactions.type", contains("AUTHORIZATION")).body("transactions.outcome", contains("SUCCEEDED"));
        as(order).queryParam("orderId", order.orderId).get("/payments").then().statusCode(200).body("id", contains(paymentId));
    }

    @Test
    void each_decline_token_is_declined_with_its_reason_code() {
        for (String[] token : new String[][]{{"tok_insufficient_funds", "INSUFFICIENT_FUNDS"},
                {"tok_card_expired", "CARD_EXPIRED"}, {"tok_do_not_honour", "DO_NOT_HONOUR"}}) {
            OrderSaga order = order();
            order.requestPayment("20.00", card(token[0]));
            JsonPath declined = order.answer("payment-declined");
            assertThat(declined.getString("reasonCode")).as(token[0]).isEqualTo(token[1]);
            assertThat(payment(declined.getString("paymentId")).getString("status")).isEqualTo("DECLINED");
        }
    }

    @Test
    void strong_authentication_leads_to_an_authorization_or_to_a_decline() {
        OrderSaga passes = order();
        passes.requestPayment("50.00", card("tok_sca_required"));
        JsonPath action = passes.answer("payment-action-required");
        assertThat(action.getString("action.type")).isEqualTo("REDIRECT");
        assertThat(action.getString("action.url")).startsWith("https://");
        String paymentId = action.getString("paymentId");
        as(passes).get("/payments/" + paymentId).then().body("status", equalTo("ACTION_REQUIRED"));
        as(passes).body("{\"challengeResponse\":\"ok\"}").post("/payments/" + paymentId + "/authentication")
                .then().statusCode(200).body("status", equalTo("AUTHORIZED")).body("actionUrl", nullValue());
        passes.answer("payment-authorized");
        as(passes).body("{\"challengeResponse\":\"ok\"}").post("/payments/" + paymentId + "/authentication")
                .then().statusCode(409);

        OrderSaga fails = order();
        fails.requestPayment("50.00", card("tok_sca_required"));
        String failing = fails.answer("payment-action-required").getString("paymentId");
        as(fails).body("{\"challengeResponse\":\"fail\"}").post("/payments/" + failing + "/authentication")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("declineReason", equalTo("AUTHENTICATION_FAILED"));
        assertThat(fails.answer("payment-declined").getString("reasonCode")).isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void a_guest_completes_the_challenge_by_its_reference_without_any_token_and_only_once() {
        OrderSaga order = order();
        order.requestPayment("30.00", card("tok_sca_required"));
        JsonPath action = order.answer("payment-action-required");
        String reference = action.getString("action.data.challengeReference");
        assertThat(reference).hasSizeGreaterThanOrEqualTo(40);
        assertThat(action.getString("action.data.completeAt")).isEqualTo("/payment-challenges/" + reference);
        given().contentType(ContentType.JSON).body("{\"challengeResponse\":\"ok\"}")
                .post("/payment-challenges/" + reference.substring(0, 30) + "xx").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"challengeResponse\":\"ok\"}").post("/payment-challenges/" + reference)
                .then().statusCode(200).body("status", equalTo("AUTHORIZED"));
        order.answer("payment-authorized");
        given().contentType(ContentType.JSON).body("{\"challengeResponse\":\"ok\"}").post("/payment-challenges/" + reference)
                .then().statusCode(404);
    }

    @Test
    void a_timeout_is_never_a_decline_and_the_retry_with_the_same_key_authorizes_once() {
        OrderSaga order = order();
        order.requestPayment("30.00", card("tok_timeout"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        assertThat(order.answers()).containsExactly("payment-authorized");
        assertThat(provider.timesCharged(paymentId + ":authorization:attempt")).isEqualTo(1);
        assertThat(payment(paymentId).getString("cardLast4")).isEqualTo("0077");
    }

    @Test
    void a_payment_voided_before_its_authorization_answered_has_what_the_provider_authorized_voided() {
        OrderSaga order = order();
        order.requestPayment("41.00", card("tok_timeout")); // the provider authorizes, its answer is lost
        // void while the payment waits for that answer (the retry that would learn it comes 1 s after the payment)
        String paymentId = await().atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> asAdmin()
                .queryParam("orderId", order.orderId).get("/payments").then().extract().jsonPath().getString("[0].id"),
                id -> id != null);
        JsonPath voided = asAdmin().post("/payments/" + paymentId + "/void").then().statusCode(200)
                .body("status", equalTo("VOIDED")).extract().jsonPath();
        assertThat(voided.getList("transactions.type")).containsExactly("AUTHORIZATION", "VOID");
        assertThat(voided.getList("transactions.outcome")).as("nothing known to void yet").containsExactly("PENDING", "PENDING");
        assertThat(order.answer("payment-voided").getString("reason")).isEqualTo("ADMIN_VOID");

        // the settling job asks again with the authorization's key and voids the authorization the provider made
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(payment(paymentId).getList("transactions.outcome"))
                .containsExactly("SUCCEEDED", "SUCCEEDED"));
        JsonPath settled = payment(paymentId);
        assertThat(settled.getString("status")).isEqualTo("VOIDED");
        assertThat(settled.getString("transactions[0].providerReference")).startsWith("test_");
        assertThat(settled.getString("transactions[1].providerReference"))
                .startsWith(settled.getString("transactions[0].providerReference") + ":void:");
        assertThat(provider.timesCharged(paymentId + ":authorization:attempt")).isEqualTo(1);
        assertThat(provider.timesCharged(paymentId + ":void:ADMIN_VOID")).isEqualTo(1);
        assertThat(order.answers()).as("voided once, never authorized").containsExactly("payment-voided");
    }

    @Test
    void a_result_that_arrives_later_as_a_signed_notification_authorizes() {
        OrderSaga order = order();
        order.requestPayment("15.00", card("tok_later"));
        await().atMost(DEADLINE).until(() -> asAdmin().queryParam("orderId", order.orderId).get("/payments")
                .then().extract().jsonPath().getList("status").contains("PENDING"));
        JsonPath authorized = order.answer("payment-authorized");
        assertThat(payment(authorized.getString("paymentId")).getString("cardLast4")).isEqualTo("1881");
    }

    @Test
    void a_new_attempt_after_a_decline_is_allowed_but_never_a_second_live_authorization() {
        OrderSaga order = order();
        order.requestPayment("40.00", card("tok_insufficient_funds"));
        order.answer("payment-declined");
        order.requestPayment("40.00", card("tok_approved"));
        order.answer("payment-authorized");
        order.requestPayment("40.00", card("tok_approved"));
        assertThat(order.answer("payment-declined", 2).getString("reasonCode")).isEqualTo("ALREADY_AUTHORIZED");
        asAdmin().queryParam("orderId", order.orderId).get("/payments").then()
                .body("status", contains("DECLINED", "AUTHORIZED", "DECLINED"));
    }

    @Test
    void a_guests_payment_is_screened_by_the_checkout_email_and_authorized() {
        OrderSaga order = order();
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        order.requestGuestPayment("22.00", card("tok_approved"), email);
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        asAdmin().get("/payments/" + paymentId).then().body("customerId", equalTo("guest:" + email));
    }

    @Test
    void a_void_request_voids_the_attempts_authorization_once_and_names_the_attempt() {
        OrderSaga order = order();
        String attemptId = order.requestPayment("18.00", card("tok_approved"));
        order.answer("payment-authorized");
        String request = order.voidRequested(attemptId);
        JsonPath voided = order.answer("payment-voided");
        assertThat(voided.getString("paymentAttemptId")).isEqualTo(attemptId);
        order.redeliver(request, "authorization-void-requested", order.lastPayload);
        order.voidRequested(UUID.randomUUID().toString()); // an attempt payment never saw: nothing to void
        order.cancelled(); // the authorization is voided already: no second payment-voided
        order.requestPayment("18.00", card("tok_approved")); // answered after the events before it
        order.answer("payment-authorized", 2);
        assertThat(order.answers()).containsExactly("payment-authorized", "payment-voided", "payment-authorized");
    }

    @Test
    void a_redelivered_payment_request_makes_one_payment() {
        OrderSaga order = order();
        order.requestPayment("12.00", card("tok_approved"));
        order.redeliver(order.lastEventId, "payment-requested", order.lastPayload);
        order.answer("payment-authorized");
        order.cancelled(); // later in the order's partition: once it is answered, the redelivery was handled
        order.answer("payment-voided");
        asAdmin().queryParam("orderId", order.orderId).get("/payments").then().body("$", hasSize(1));
        assertThat(order.answers()).containsExactly("payment-authorized", "payment-voided");
    }

    @Test
    void shipments_capture_in_parts_returns_refund_in_parts_and_redeliveries_change_nothing() {
        OrderSaga order = order();
        order.requestPayment("100.00", card("tok_approved"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        String firstShipment = order.shipped("60.00");
        String firstShipmentPayload = order.lastPayload;
        assertThat(order.answer("payment-captured").getString("amount.amount")).isEqualTo("60.00");
        order.redeliver(firstShipment, "order-shipped", firstShipmentPayload);
        order.shipped("0.00"); // a parcel of free units: nothing to capture, no transaction, no event
        order.shipped("40.00");
        assertThat(order.answer("payment-captured", 2).getString("amount.amount")).isEqualTo("40.00");
        asAdmin().get("/payments/" + paymentId).then().body("status", equalTo("CAPTURED"))
                .body("captured.amount", equalTo("100.00"));

        String firstReturn = order.returned("25.00");
        order.redeliver(firstReturn, "return-received", order.lastPayload);
        JsonPath refunded = order.answer("payment-refunded");
        assertThat(refunded.getString("amount.amount")).isEqualTo("25.00");
        assertThat(refunded.getString("refundId")).isNotNull();
        order.returned("75.00");
        order.answer("payment-refunded", 2);
        asAdmin().get("/payments/" + paymentId).then().body("status", equalTo("REFUNDED"))
                .body("refunded.amount", equalTo("100.00"))
                .body("transactions.type", contains("AUTHORIZATION", "CAPTURE", "CAPTURE", "REFUND", "REFUND"));
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"0.01\",\"currency\":\"EUR\"}")
                .post("/payments/" + paymentId + "/refunds").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/refund-exceeds-captured"));
        assertThat(order.answers()).containsExactly("payment-authorized", "payment-captured", "payment-captured",
                "payment-refunded", "payment-refunded");
    }

    @Test
    void a_cancelled_order_voids_its_authorization_and_a_voided_payment_cannot_be_captured() {
        OrderSaga order = order();
        order.requestPayment("35.00", card("tok_approved"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        order.cancelled();
        assertThat(order.answer("payment-voided").getString("reason")).isEqualTo("ORDER_CANCELLED");
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"35.00\",\"currency\":\"EUR\"}")
                .post("/payments/" + paymentId + "/captures").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/invalid-payment-state"));
        asAdmin().post("/payments/" + paymentId + "/void").then().statusCode(200).body("status", equalTo("VOIDED"));
        assertThat(order.answers()).containsExactly("payment-authorized", "payment-voided");
    }

    @Test
    void admin_captures_and_refunds_honour_idempotency_keys_and_refuse_bad_amounts() {
        OrderSaga order = order();
        order.requestPayment("80.00", card("tok_approved"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            asAdmin().header("Idempotency-Key", key).body("{\"amount\":\"50.00\",\"currency\":\"EUR\"}")
                    .post("/payments/" + paymentId + "/captures").then().statusCode(200).body("captured.amount", equalTo("50.00"));
        }
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"30.01\",\"currency\":\"EUR\"}")
                .post("/payments/" + paymentId + "/captures").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/capture-exceeds-authorization"));
        asAdmin().body("{\"amount\":\"10.00\",\"currency\":\"USD\"}").post("/payments/" + paymentId + "/captures")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/currency-mismatch"));
        asAdmin().body("{\"amount\":\"-5\",\"currency\":\"EUR\"}").post("/payments/" + paymentId + "/captures")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        asAdmin().body("{\"amount\":\"1.001\",\"currency\":\"EUR\"}").post("/payments/" + paymentId + "/refunds")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        asAdmin().body("{\"amount\":\"1.00\",\"currency\":\"XXY\"}").post("/payments/" + paymentId + "/refunds")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
        asAdmin().header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"50.01\",\"currency\":\"EUR\"}")
                .post("/payments/" + paymentId + "/refunds").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/refund-exceeds-captured"));
        String refundKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            asAdmin().header("Idempotency-Key", refundKey).body("{\"amount\":\"20.00\",\"currency\":\"EUR\"}")
                    .post("/payments/" + paymentId + "/refunds").then().statusCode(200).body("refunded.amount", equalTo("20.00"));
        }
        asAdmin().post("/payments/" + paymentId + "/void").then().statusCode(409);
        asAdmin().get("/payments/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(order.answer("payment-captured").getString("amount.amount")).isEqualTo("50.00");
        order.answer("payment-refunded");
        assertThat(order.answers()).containsExactly("payment-authorized", "payment-captured", "payment-refunded");
    }

    @Test
    void fraud_screening_reads_the_customers_history_and_attempts_of_the_last_hour() {
        String customerId = "customer-" + UUID.randomUUID().toString().substring(0, 8);
        String sameCard = card("tok_approved");
        for (int i = 0; i < 5; i++) { // the velocity limit: five attempts an hour pass
            OrderSaga earlier = new OrderSaga(orderService, paymentEvents, customerId);
            earlier.requestPayment("10.00", sameCard);
            assertThat(earlier.answer("payment-authorized").getInt("riskScore")).isZero();
        }
        OrderSaga sixth = new OrderSaga(orderService, paymentEvents, customerId);
        sixth.requestPayment("60.00", sameCard); // above five times the average of 10.00
        JsonPath declined = sixth.answer("payment-declined");
        assertThat(declined.getString("reasonCode")).isEqualTo("FRAUD_SUSPECTED");
        asAdmin().get("/payments/" + declined.getString("paymentId")).then().body("risk.score", equalTo(95))
                .body("risk.rulesFired", contains("AMOUNT_ABOVE_HISTORY", "CUSTOMER_VELOCITY", "PAYMENT_METHOD_VELOCITY"));
    }

    @Test
    void fraud_screening_declines_blocked_customers_flags_risky_payments_and_admins_decide() {
        OrderSaga blocked = order();
        asAdmin().body("{\"kind\":\"CUSTOMER\",\"value\":\"" + blocked.customerId + "\",\"reason\":\"chargebacks\"}")
                .post("/fraud/blocklist").then().statusCode(201);
        blocked.requestPayment("10.00", card("tok_approved"));
        JsonPath declined = blocked.answer("payment-declined");
        assertThat(declined.getString("reasonCode")).isEqualTo("FRAUD_SUSPECTED");
        asAdmin().get("/payments/" + declined.getString("paymentId")).then()
                .body("risk.score", equalTo(100)).body("risk.rulesFired", contains("BLOCKLISTED_CUSTOMER"));

        // the last of the values looked up together: a blocked shipping country
        String countryEntry = asAdmin().body("{\"kind\":\"COUNTRY\",\"value\":\"aq\",\"reason\":\"no deliveries\"}")
                .post("/fraud/blocklist").then().statusCode(201).extract().path("id");
        OrderSaga toBlockedCountry = order();
        toBlockedCountry.requestPayment("10.00", card("tok_approved"), "DE", "AQ");
        JsonPath refused = toBlockedCountry.answer("payment-declined");
        asAdmin().delete("/fraud/blocklist/" + countryEntry).then().statusCode(204);
        asAdmin().get("/payments/" + refused.getString("paymentId")).then()
                .body("risk.rulesFired", contains("BLOCKLISTED_COUNTRY", "COUNTRY_MISMATCH"));

        OrderSaga rejected = order();
        rejected.requestPayment("1500.00", card("tok_approved"), "DE", "FR");
        JsonPath flagged = rejected.answer("payment-authorized");
        assertThat(flagged.getBoolean("flaggedForReview")).isTrue();
        assertThat(flagged.getInt("riskScore")).isEqualTo(50);
        String flaggedId = flagged.getString("paymentId");
        asAdmin().get("/payments/" + flaggedId).then()
                .body("risk.rulesFired", contains("FIRST_PURCHASE_HIGH_AMOUNT", "COUNTRY_MISMATCH"));
        asAdmin().body("{\"decision\":\"REJECTED\"}").post("/payments/" + flaggedId + "/review").then().statusCode(200)
                .body("status", equalTo("VOIDED")).body("risk.reviewDecision", equalTo("REJECTED"));
        assertThat(rejected.answer("payment-voided").getString("reason")).isEqualTo("REVIEW_REJECTED");

        OrderSaga approved = order();
        approved.requestPayment("1200.00", card("tok_approved"), "DE", "AT");
        String approvedId = approved.answer("payment-authorized").getString("paymentId");
        asAdmin().body("{\"decision\":\"APPROVED\"}").post("/payments/" + approvedId + "/review").then().statusCode(200)
                .body("status", equalTo("AUTHORIZED")).body("risk.reviewDecision", equalTo("APPROVED"));
        asAdmin().body("{\"decision\":\"APPROVED\"}").post("/payments/" + approvedId + "/review").then().statusCode(409);
    }

    @Test
    void a_notification_needs_the_providers_signature_and_a_replay_changes_nothing() {
        OrderSaga order = order();
        order.requestPayment("18.00", card("tok_later"));
        await().atMost(DEADLINE).until(() -> asAdmin().queryParam("orderId", order.orderId).get("/payments").then()
                .extract().jsonPath().getString("[0].providerReference") != null);
        JsonPath pending = asAdmin().queryParam("orderId", order.orderId).get("/payments").then().extract().jsonPath();
        String paymentId = pending.getString("[0].id");
        String body = """
                {"notificationId":"%s","reference":"%s","outcome":"DECLINED","reasonCode":"DO_NOT_HONOUR"}"""
                .formatted(UUID.randomUUID(), pending.getString("[0].providerReference"));

        given().contentType(ContentType.JSON).header(NotificationSignatures.HEADER, NotificationSignatures.sign("wrong", bytes(body)))
                .body(body).post("/payment-notifications/test").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/payment-notifications/test").then().statusCode(401);
        assertThat(payment(paymentId).getString("status")).isEqualTo("PENDING");

        String signature = NotificationSignatures.sign(secret(), bytes(body));
        given().contentType(ContentType.JSON).header(NotificationSignatures.HEADER, signature).body(body)
                .post("/payment-notifications/test").then().statusCode(204);
        assertThat(payment(paymentId).getString("status")).isEqualTo("DECLINED");
        given().contentType(ContentType.JSON).header(NotificationSignatures.HEADER, signature).body(body)
                .post("/payment-notifications/test").then().statusCode(204);
        given().contentType(ContentType.JSON).header(NotificationSignatures.HEADER, signature).body(body)
                .post("/payment-notifications/unknown-provider").then().statusCode(404);
        assertThat(order.answer("payment-declined").getString("reasonCode")).isEqualTo("DO_NOT_HONOUR");
        assertThat(order.answers()).containsExactly("payment-declined");
    }

    @Test
    void an_authorization_not_captured_in_time_is_voided() throws Exception {
        OrderSaga order = order();
        order.requestPayment("22.00", card("tok_approved"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        try (Connection db = TestDatabase.connect(); PreparedStatement lapse = db.prepareStatement(
                "UPDATE payment SET authorization_expires_at = now() - interval '1 second' WHERE id = ?::uuid")) {
            lapse.setString(1, paymentId);
            assertThat(lapse.executeUpdate()).isEqualTo(1);
        }
        assertThat(order.answer("payment-voided").getString("reason")).isEqualTo("AUTHORIZATION_EXPIRED");
        assertThat(payment(paymentId).getString("status")).isEqualTo("VOIDED");
    }

    @Test
    void a_customer_sees_only_their_own_payments_and_cannot_move_money() {
        OrderSaga order = order();
        order.requestPayment("9.00", card("tok_approved"));
        String paymentId = order.answer("payment-authorized").getString("paymentId");
        given().auth().oauth2(TestTokens.customer("someone-else")).get("/payments/" + paymentId).then().statusCode(404);
        given().auth().oauth2(TestTokens.customer("someone-else")).queryParam("orderId", order.orderId).get("/payments")
                .then().statusCode(200).body("$", hasSize(0));
        as(order).header("Idempotency-Key", UUID.randomUUID().toString()).body("{\"amount\":\"9.00\",\"currency\":\"EUR\"}")
                .post("/payments/" + paymentId + "/captures").then().statusCode(403);
        as(order).post("/payments/" + paymentId + "/void").then().statusCode(403);
        given().get("/payments/" + paymentId).then().statusCode(401);
        as(order).get("/payments").then().statusCode(400);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String secret() {
        return ConfigProvider.getConfig().getValue("commerce.payment.notification-secrets.test", String.class);
    }
}
