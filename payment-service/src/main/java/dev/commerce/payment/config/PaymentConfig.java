package dev.commerce.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** {@code commerce.payment.*}: the provider, its timeouts, authorization lifetime, fraud thresholds, secrets. */
@ConfigMapping(prefix = "commerce.payment")
public interface PaymentConfig {

    /** The provider new payments go to (the {@code name()} of a PaymentProvider bean). */
    @WithDefault("test")
    String provider();

    /** How long a provider call may take before its outcome counts as unknown. */
    @WithDefault("PT5S")
    Duration providerTimeout();

    /** Authorizations not captured within this time are voided. */
    @WithDefault("P7D")
    Duration authorizationLifetime();

    /** A payment still PENDING this long after its last change is asked for again (same idempotency key). */
    @WithDefault("PT30S")
    Duration pendingRetryAfter();

    /** How often the jobs (retry of pending payments, expiry of authorizations) run. */
    @WithDefault("5s")
    Duration jobsInterval();

    /**
     * Whether the prod profile may start with the built-in test provider or the committed test notification secret
     * (never in a real shop: the local platform, compose file, system tests and benchmarks say so explicitly).
     */
    @WithDefault("false")
    boolean allowTestProvider();

    /** Shared secrets of the providers' notifications, by provider name. */
    Map<String, String> notificationSecrets();

    Fraud fraud();

    TestProvider testProvider();

    /** The built-in test provider's simulated behaviour. */
    interface TestProvider {
        /** Added to every call, like a network and a provider would. */
        @WithDefault("PT0S")
        Duration latency();

        /** How long tok_timeout's first call takes (longer than provider-timeout, so the caller times out). */
        @WithDefault("PT30S")
        Duration hang();

        /** How long after a tok_later authorization its notification is sent. */
        @WithDefault("PT2S")
        Duration notificationDelay();
    }

    /** Fraud screening: see FraudRules. */
    interface Fraud {
        @WithDefault("80")
        int declineAt();

        @WithDefault("50")
        int reviewAt();

        /** Attempts in the last hour, per customer and per payment method, from which velocity rules fire. */
        @WithDefault("5")
        int velocityLimit();

        /** A first purchase above this amount (in any currency) raises the score. */
        @WithDefault("1000")
        BigDecimal firstPurchaseLimit();

        /** An amount above this multiple of the customer's average raises the score. */
        @WithDefault("5")
        int historyMultiple();
    }
}
