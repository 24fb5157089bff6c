package dev.commerce.payment.application;

import dev.commerce.payment.config.PaymentConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start the prod profile on settings that only make sense on a developer's machine: the built-in test
 * provider (it approves any {@code tok_approved}) or the test provider's notification secret as committed (anyone
 * could sign a notification with it). {@code commerce.payment.allow-test-provider=true} allows both explicitly.
 */
@ApplicationScoped
public class ProductionSafety {

    /** The secret application.properties falls back to without COMMERCE_TEST_PROVIDER_SECRET. */
    static final String COMMITTED_TEST_SECRET = "local-test-provider-secret";

    void check(@Observes StartupEvent started, PaymentConfig config) {
        List<String> refusals = refusals(ConfigUtils.getProfiles(), config);
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("payment-service refuses to start in the prod profile: "
                    + String.join("; ", refusals) + ". Configure a real provider and secret, or set "
                    + "COMMERCE_PAYMENT_ALLOW_TEST_PROVIDER=true for a test deployment.");
        }
    }

    static List<String> refusals(List<String> profiles, PaymentConfig config) {
        List<String> refusals = new ArrayList<>();
        if (!profiles.contains("prod") || config.allowTestProvider()) {
            return refusals;
        }
        if ("test".equals(config.provider())) {
            refusals.add("commerce.payment.provider is the built-in test provider");
        }
        if (COMMITTED_TEST_SECRET.equals(config.notificationSecrets().get("test"))) {
            refusals.add("the test provider's notification secret is the committed default");
        }
        return refusals;
    }
}
