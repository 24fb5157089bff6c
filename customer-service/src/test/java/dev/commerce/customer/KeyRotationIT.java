package dev.commerce.customer;

import dev.commerce.platform.local.FreePorts;
import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.local.ServiceProcess;
import dev.commerce.platform.local.SigningKeys;
import dev.commerce.platform.local.TokenMinter;
import dev.commerce.platform.testing.PackagedService;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;

/**
 * A signing key rotation as a deployment does it, with packaged services: the issuer (customer-service) signs with
 * key A; a second service verifies through the issuer's JWKS URL only. The issuer restarts with key B and A's public
 * key kept in its JWKS: tokens of both keys are accepted by the verifier without a restart of its own, and a key the
 * JWKS never listed is refused.
 */
class KeyRotationIT {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final PostgresServer POSTGRES = PostgresServer.fromEnvironment();
    private static final String PASSWORD = "correct horse battery staple";
    private static final SigningKeys KEY_A = SigningKeys.generate();
    private static final SigningKeys KEY_B = SigningKeys.generate();
    private static final int ISSUER_PORT = FreePorts.pick();
    private static String database;
    private static ServiceProcess issuer;
    private static ServiceProcess verifier;
    @TempDir
    static Path keys;

    @BeforeAll
    static void start() throws IOException {
        POSTGRES.requireReachable();
        database = "commerce_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        POSTGRES.ensureDatabase(database);
        TestEvents.ensureTopic("customer.v1");
        TestEvents.ensureTopic("customer.notification.v1");
        issuer = startIssuer(KEY_A, Map.of());
        // the verifier: any service of the platform; another customer-service instance on the same database here, so
        // that the customer its tokens name exists for GET /customers/me
        Map<String, String> verifying = new HashMap<>(Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:" + ISSUER_PORT + "/.well-known/jwks.json",
                "COMMERCE_CUSTOMER_SIGNING_KEY", KEY_A.privateKeyPem()));
        verifier = PackagedService.start("customer-verifier", MODULE, database, verifying);
    }

    @AfterAll
    static void stop() {
        if (verifier != null) {
            verifier.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        POSTGRES.dropDatabase(database);
    }

    @Test
    void tokens_of_the_old_and_the_new_key_are_accepted_during_a_rotation_and_an_unlisted_key_is_refused() throws Exception {
        String email = "rotation-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().baseUri(issuer.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "name", "Ana")).post("/auth/sign-up").then().statusCode(202);
        String tokenOfA = signIn(email);
        me(tokenOfA).statusCode(200);

        // rotation: the issuer now signs with B and keeps A's public key in its JWKS
        issuer.close();
        Path publicKeyOfA = keys.resolve("key-a.pem");
        Files.writeString(publicKeyOfA, KEY_A.publicKeyPem());
        issuer = startIssuer(KEY_B, Map.of("COMMERCE_CUSTOMER_SIGNING_PREVIOUS_PUBLIC_KEY_LOCATIONS", publicKeyOfA.toString()));
        given().baseUri(issuer.baseUrl()).get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItems(KEY_A.keyId(), KEY_B.keyId()));

        String tokenOfB = signIn(email);
        me(tokenOfB).statusCode(200);
        me(tokenOfA).statusCode(200);
        String customerId = given().baseUri(verifier.baseUrl()).auth().oauth2(tokenOfB).get("/customers/me").path("id");
        me(new TokenMinter(SigningKeys.generate(), TestTokens.ISSUER).customer(customerId)).statusCode(401);
    }

    private static ServiceProcess startIssuer(SigningKeys key, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("COMMERCE_CUSTOMER_SIGNING_KEY", key.privateKeyPem());
        return PackagedService.start("customer-issuer", MODULE, database, environment, ISSUER_PORT);
    }

    private static String signIn(String email) {
        return given().baseUri(issuer.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD)).post("/auth/sign-in").then().statusCode(200)
                .extract().path("accessToken");
    }

    private static io.restassured.response.ValidatableResponse me(String token) {
        return given().baseUri(verifier.baseUrl()).auth().oauth2(token).get("/customers/me").then();
    }
}
