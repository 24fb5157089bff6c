package dev.commerce.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code commerce.customer.*}: token lifetimes, sign-in throttling, password hashing and the signing keys. */
@ConfigMapping(prefix = "commerce.customer")
public interface CustomerConfig {

    /** How long an access token is good for: services do not ask whether its session ended, so keep it short. */
    @WithDefault("PT10M")
    Duration accessTokenLifetime();

    /** How long a refresh token may wait for its one use; each refresh starts a new one. */
    @WithDefault("P30D")
    Duration refreshTokenLifetime();

    /** How long an e-mail verification link is good for. */
    @WithDefault("P2D")
    Duration emailVerificationLifetime();

    /** How long a password reset link is good for. */
    @WithDefault("PT1H")
    Duration passwordResetLifetime();

    SignIn signIn();

    Argon2 argon2();

    Signing signing();

    Privacy privacy();

    /** Privacy requests. */
    interface Privacy {

        /** The services that hold personal data: each sends its part of an export and confirms an erasure. */
        @WithDefault("customer-service,cart-service,order-service,payment-service")
        List<String> services();

        /** How long a ready export stays downloadable. */
        @WithDefault("P7D")
        Duration exportRetention();
    }

    /** Throttling of failed sign-ins. */
    interface SignIn {

        /** Failed sign-ins of one account (known or not) within the window before it must wait. */
        @WithDefault("5")
        int accountFailures();

        /** Failed sign-ins from one client address within the window before it must wait. */
        @WithDefault("50")
        int addressFailures();

        @WithDefault("PT15M")
        Duration window();
    }

    /** Argon2id cost (OWASP's minimum is 19 MiB, 2 iterations, 1 lane). */
    interface Argon2 {

        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    /**
     * The key pair that signs access tokens: the private key (PEM, PKCS#8) inline or from a file, and the public keys
     * of earlier signing keys that stay in the JWKS document during a rotation, until tokens they signed expired.
     */
    interface Signing {

        /** The private key itself (a secret store's value); wins over {@link #keyLocation()}. */
        @WithName("key")
        Optional<String> key();

        /** A file holding the private key, e.g. the local platform's {@code jwt-private-key.pem}. */
        Optional<String> keyLocation();

        /** Public keys (PEM files) of retired signing keys still accepted until their tokens expire. */
        Optional<List<String>> previousPublicKeyLocations();
    }
}
