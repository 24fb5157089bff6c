package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.platform.local.SigningKeys;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer's keys: the signing key's id is its thumbprint, and a rotation publishes the old key beside the new. */
class SigningKeyRingTest {

    @Test
    void during_a_rotation_the_jwks_lists_the_new_signing_key_and_the_previous_one(@TempDir Path dir) throws Exception {
        SigningKeys previous = SigningKeys.generate();
        SigningKeys current = SigningKeys.generate();
        Path previousPublic = dir.resolve("previous.pem");
        Files.writeString(previousPublic, previous.publicKeyPem());

        SigningKeyRing before = new SigningKeyRing(config(previous.privateKeyPem(), List.of()));
        SigningKeyRing during = new SigningKeyRing(config(current.privateKeyPem(), List.of(previousPublic.toString())));

        JsonPath jwks = JsonPath.from(during.jwks());
        assertThat(jwks.getList("keys.kid")).containsExactly(during.signingKeyId(), before.signingKeyId());
        assertThat(jwks.getList("keys.alg")).containsOnly("RS256");
        assertThat(jwks.getList("keys.use")).containsOnly("sig");
        assertThat(during.jwks()).doesNotContain("\"d\"");
        assertThat(new SigningKeyRing(config(current.privateKeyPem(), List.of())).signingKeyId())
                .as("the same key has the same id wherever it is loaded").isEqualTo(during.signingKeyId());
        assertThat(current.keyId()).as("the launcher's tokens name the key as the JWKS does").isEqualTo(during.signingKeyId());
    }

    @Test
    void without_a_signing_key_the_service_refuses_to_start_and_says_what_to_set() {
        assertThatThrownBy(() -> new SigningKeyRing(config(null, List.of())))
                .hasMessageContaining("COMMERCE_CUSTOMER_SIGNING_KEY_LOCATION");
    }

    private static CustomerConfig config(String privateKeyPem, List<String> previous) {
        CustomerConfig.Signing signing = new CustomerConfig.Signing() {
            @Override
            public Optional<String> key() {
                return Optional.ofNullable(privateKeyPem);
            }

            @Override
            public Optional<String> keyLocation() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> previousPublicKeyLocations() {
                return Optional.of(previous);
            }
        };
        return new CustomerConfig() {
            public Duration accessTokenLifetime() { return Duration.ofMinutes(10); }
            public Duration refreshTokenLifetime() { return Duration.ofDays(30); }
            public Duration emailVerificationLifetime() { return Duration.ofDays(2); }
            public Duration passwordResetLifetime() { return Duration.ofHours(1); }
            public SignIn signIn() { return null; }
            public Argon2 argon2() { return null; }
            public Signing signing() { return signing; }
            public Privacy privacy() { return null; }
        };
    }
}
