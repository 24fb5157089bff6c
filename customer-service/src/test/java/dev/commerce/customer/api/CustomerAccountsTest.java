package dev.commerce.customer.api;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Accounts and sessions over HTTP, on real PostgreSQL and Kafka: sign-up to sign-out, and what must be refused. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CustomerAccountsTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Storefront storefront = new Storefront();

    @Test
    void a_shopper_signs_up_verifies_and_signs_in_with_tokens_the_services_accept() {
        String email = Storefront.newEmail();
        storefront.signUp("  " + email.toUpperCase() + " ", PASSWORD, "Ana Kowalska").statusCode(202)
                .body("message", notNullValue());
        String verification = Storefront.verificationToken(email);

        var signIn = storefront.signIn(email, PASSWORD).statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(600));
        JsonPath session = signIn.extract().jsonPath();
        String accessToken = session.getString("accessToken");
        JsonPath claims = jwtPart(accessToken, 1);
        assertThat(claims.getString("sub")).isEqualTo(session.getString("customerId"));
        assertThat(claims.getList("groups")).containsExactly("customer");
        assertThat(claims.getString("sid")).isEqualTo(session.getString("sessionId"));
        assertThat(claims.getString("iss")).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(600);
        String kid = jwtPart(accessToken, 0).getString("kid");
        given().when().get("/.well-known/jwks.json").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=300"))
                .body("keys.kid", hasItem(kid)).body("keys[0].kty", equalTo("RSA")).body("keys[0].d", nullValue());

        // the token verifies with the deployment's public key, as every service checks it
        given().auth().oauth2(accessToken).when().get("/customers/me").then().statusCode(200)
                .body("email", equalTo(email)).body("name", equalTo("Ana Kowalska"))
                .body("emailVerified", equalTo(false)).body("status", equalTo("ACTIVE"));

        storefront.call().body(Map.of("token", verification)).when().post("/auth/email-verification/confirm")
                .then().statusCode(204);
        given().auth().oauth2(accessToken).when().get("/customers/me").then().body("emailVerified", equalTo(true));
        storefront.call().body(Map.of("token", verification)).when().post("/auth/email-verification/confirm")
                .then().statusCode(422).body("type", containsString("invalid-token"));

        try (EventProbe probe = EventProbe.of(Topics.CUSTOMER)) {
            EventProbe.ReceivedEvent upserted = probe.awaitEvent(e -> session.getString("customerId").equals(e.key())
                    && JsonPath.from(e.payload()).getBoolean("emailVerified"), DEADLINE);
            EventContracts.assertCatalogued(upserted.header("ce_type"), upserted.header("ce_source"));
            EventContracts.assertValidPayload(upserted.header("ce_type"), upserted.payload());
        }
    }

    @Test
    void signing_up_with_a_registered_address_answers_alike_and_tells_its_owner() {
        String email = Storefront.newEmail();
        String first = storefront.signUp(email, PASSWORD, "Ana").statusCode(202).extract().asString();
        String second = storefront.signUp(email.toUpperCase(), "another long passphrase", "Mallory").statusCode(202)
                .extract().asString();
        assertThat(second).isEqualTo(first);

        JsonPath notice = Storefront.mail(EventTypes.SIGN_UP_WITH_REGISTERED_EMAIL, email);
        assertThat(notice.getString("name")).isEqualTo("Ana");
        given().auth().oauth2(TestTokens.admin()).queryParam("q", email).when().get("/customers").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo("Ana"));
        storefront.signIn(email, "another long passphrase").statusCode(401);
        storefront.signIn(email, PASSWORD).statusCode(200);
    }

    @Test
    void a_weak_password_is_refused_with_every_requirement_it_breaks() {
        storefront.signUp(Storefront.newEmail(), "password12", "Ana").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://commerce.dev/problems/password-policy"))
                .body("requirements", contains("not a commonly used password"))
                .body("errors[0].field", equalTo("password"));
        storefront.signUp("not-an-address", PASSWORD, "Ana").statusCode(400)
                .body("type", equalTo("https://commerce.dev/problems/invalid-email"));
    }

    @Test
    void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
        String email = Storefront.newEmail();
        storefront.newCustomer(email, PASSWORD);
        Map<String, Object> wrongPassword = storefront.signIn(email, "wrong password here").statusCode(401)
                .extract().jsonPath().getMap("");
        Map<String, Object> unknown = storefront.signIn(Storefront.newEmail(), PASSWORD).statusCode(401)
                .extract().jsonPath().getMap("");
        wrongPassword.remove("requestId");
        unknown.remove("requestId");
        wrongPassword.remove("instance");
        unknown.remove("instance");
        assertThat(unknown).isEqualTo(wrongPassword);
        assertThat(wrongPassword.get("type")).isEqualTo("https://commerce.dev/problems/invalid-credentials");
    }

    @Test
    void a_refresh_token_works_once_and_its_reuse_ends_the_session() {
        JsonPath session = storefront.newCustomer(Storefront.newEmail(), PASSWORD);
        String first = session.getString("refreshToken");
        JsonPath refreshed = storefront.refresh(first).statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("sessionId", equalTo(session.getString("sessionId"))).extract().jsonPath();
        String second = refreshed.getString("refreshToken");
        assertThat(second).isNotEqualTo(first);
        given().auth().oauth2(refreshed.getString("accessToken")).when().get("/customers/me").then().statusCode(200);

        // a thief replays the first token: the whole session ends, the owner's newer token with it
        storefront.refresh(first).statusCode(401).body("type", equalTo("https://commerce.dev/problems/refresh-token-reused"));
        storefront.refresh(second).statusCode(401).body("type", equalTo("https://commerce.dev/problems/invalid-refresh-token"));
        storefront.refresh("never-issued").statusCode(401);
    }

    @Test
    void signing_out_ends_one_session_and_signing_out_everywhere_ends_all() {
        String email = Storefront.newEmail();
        JsonPath phone = storefront.newCustomer(email, PASSWORD);
        JsonPath laptop = storefront.signIn(email, PASSWORD).statusCode(200).extract().jsonPath();
        JsonPath tablet = storefront.signIn(email, PASSWORD).statusCode(200).extract().jsonPath();

        storefront.call().body(Map.of("refreshToken", phone.getString("refreshToken"))).when().post("/auth/sign-out")
                .then().statusCode(204);
        storefront.call().body(Map.of("refreshToken", phone.getString("refreshToken"))).when().post("/auth/sign-out")
                .then().statusCode(204); // idempotent
        storefront.refresh(phone.getString("refreshToken")).statusCode(401);
        String laptopToken = storefront.refresh(laptop.getString("refreshToken")).statusCode(200).extract().path("refreshToken");

        given().auth().oauth2(tablet.getString("accessToken")).when().post("/customers/me/sign-out-everywhere")
                .then().statusCode(204);
        storefront.refresh(laptopToken).statusCode(401);
        storefront.refresh(tablet.getString("refreshToken")).statusCode(401);
    }

    @Test
    void changing_the_password_ends_the_other_sessions_but_this_one() {
        String email = Storefront.newEmail();
        JsonPath here = storefront.newCustomer(email, PASSWORD);
        JsonPath elsewhere = storefront.signIn(email, PASSWORD).statusCode(200).extract().jsonPath();

        given().auth().oauth2(here.getString("accessToken")).contentType("application/json")
                .body(Map.of("currentPassword", "not the password", "newPassword", "a brand new passphrase"))
                .when().post("/customers/me/password").then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/wrong-password"));
        given().auth().oauth2(here.getString("accessToken")).contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new passphrase"))
                .when().post("/customers/me/password").then().statusCode(204);

        storefront.refresh(elsewhere.getString("refreshToken")).statusCode(401);
        storefront.refresh(here.getString("refreshToken")).statusCode(200);
        storefront.signIn(email, PASSWORD).statusCode(401);
        storefront.signIn(email, "a brand new passphrase").statusCode(200);
    }

    @Test
    void a_reset_link_sets_a_new_password_once_and_ends_every_session() {
        String email = Storefront.newEmail();
        JsonPath session = storefront.newCustomer(email, PASSWORD);
        storefront.call().body(Map.of("email", Storefront.newEmail())).when().post("/auth/password-reset")
                .then().statusCode(202); // an unknown address answers alike
        storefront.call().body(Map.of("email", email.toUpperCase())).when().post("/auth/password-reset").then().statusCode(202);
        String token = Storefront.mail(EventTypes.PASSWORD_RESET_REQUESTED, email).getString("token");

        storefront.call().body(Map.of("token", token, "newPassword", "short")).when().post("/auth/password-reset/confirm")
                .then().statusCode(400).body("type", equalTo("https://commerce.dev/problems/password-policy"));
        storefront.call().body(Map.of("token", token, "newPassword", "reset to this passphrase"))
                .when().post("/auth/password-reset/confirm").then().statusCode(204);
        storefront.call().body(Map.of("token", token, "newPassword", "and again to this one"))
                .when().post("/auth/password-reset/confirm").then().statusCode(422)
                .body("type", equalTo("https://commerce.dev/problems/invalid-token"));

        storefront.refresh(session.getString("refreshToken")).statusCode(401);
        storefront.signIn(email, PASSWORD).statusCode(401);
        String accessToken = storefront.signIn(email, "reset to this passphrase").statusCode(200).extract().path("accessToken");
        given().auth().oauth2(accessToken).when().get("/customers/me").then()
                .body("emailVerified", equalTo(true));
    }

    @Test
    void failed_sign_ins_of_one_account_are_throttled_whoever_tries() {
        String email = Storefront.newEmail();
        storefront.newCustomer(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            new Storefront().signIn(email, "wrong password " + i).statusCode(401);
        }
        new Storefront().signIn(email, PASSWORD).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://commerce.dev/problems/too-many-sign-in-attempts"))
                .body("retryAfterSeconds", org.hamcrest.Matchers.greaterThan(800));

        String unknown = Storefront.newEmail();
        for (int i = 0; i < 5; i++) {
            new Storefront().signIn(unknown, "wrong password " + i).statusCode(401);
        }
        // an unknown address is throttled alike
        new Storefront().signIn(unknown, PASSWORD).statusCode(429);
    }

    @Test
    void failed_sign_ins_from_one_client_address_are_throttled_across_accounts() {
        String email = Storefront.newEmail();
        storefront.newCustomer(email, PASSWORD);
        Storefront stuffer = new Storefront();
        for (int i = 0; i < 12; i++) {
            stuffer.signIn(Storefront.newEmail(), PASSWORD).statusCode(401);
        }
        stuffer.signIn(email, PASSWORD).statusCode(429).header("Retry-After", notNullValue());
        storefront.signIn(email, PASSWORD).statusCode(200); // another client address may
    }

    @Test
    void a_blocked_customer_can_neither_sign_in_nor_refresh() {
        String email = Storefront.newEmail();
        JsonPath session = storefront.newCustomer(email, PASSWORD);
        String customerId = session.getString("customerId");

        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(Map.of("reason", "chargeback fraud"))
                .when().post("/customers/" + customerId + "/block").then().statusCode(200)
                .body("status", equalTo("BLOCKED")).body("blockedReason", equalTo("chargeback fraud"));
        storefront.signIn(email, PASSWORD).statusCode(403).body("type", equalTo("https://commerce.dev/problems/account-blocked"));
        storefront.refresh(session.getString("refreshToken")).statusCode(401);
        try (EventProbe probe = EventProbe.of(Topics.CUSTOMER)) {
            probe.awaitEvent(e -> customerId.equals(e.key())
                    && "BLOCKED".equals(JsonPath.from(e.payload()).getString("status")), DEADLINE);
        }

        given().auth().oauth2(TestTokens.admin()).when().post("/customers/" + customerId + "/unblock").then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("blockedReason", nullValue());
        storefront.signIn(email, PASSWORD).statusCode(200);
    }

    @Test
    void the_profile_changes_with_if_match_honoured() {
        String accessToken = storefront.newCustomer(Storefront.newEmail(), PASSWORD).getString("accessToken");
        String etag = given().auth().oauth2(accessToken).when().get("/customers/me").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(accessToken).contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "Ana Nowak", "phone", "+48 600 100 200"))
                .when().patch("/customers/me").then().statusCode(200)
                .body("name", equalTo("Ana Nowak")).body("phone", equalTo("+48 600 100 200"));
        given().auth().oauth2(accessToken).contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "Stale Tab")).when().patch("/customers/me").then().statusCode(412);
        given().auth().oauth2(accessToken).contentType("application/json").body(Map.of("phone", ""))
                .when().patch("/customers/me").then().statusCode(200)
                .body("name", equalTo("Ana Nowak")).body("phone", nullValue());
    }

    @Test
    void a_token_whose_subject_has_no_account_finds_no_profile() {
        given().auth().oauth2(TestTokens.customer("customer-1")).when().get("/customers/me").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/customers/me").then().statusCode(403);
    }

    @Test
    void the_back_office_searches_customers_by_part_of_address_or_name_with_paging() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            storefront.signUp("pager-" + tag + "-" + i + "@example.com", PASSWORD, "Pager " + tag).statusCode(202);
        }
        JsonPath firstPage = given().auth().oauth2(TestTokens.admin()).queryParam("q", "PAGER " + tag.toUpperCase())
                .queryParam("limit", 2).when().get("/customers").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        given().auth().oauth2(TestTokens.admin()).queryParam("q", "pager-" + tag).queryParam("limit", 2)
                .queryParam("cursor", firstPage.getString("nextCursor")).when().get("/customers").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].email", equalTo("pager-" + tag + "-2@example.com"));
        given().auth().oauth2(TestTokens.admin()).queryParam("q", tag).queryParam("status", "BLOCKED")
                .when().get("/customers").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.customer(java.util.UUID.randomUUID().toString())).when().get("/customers")
                .then().statusCode(403);
    }

    private static JsonPath jwtPart(String jwt, int index) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
