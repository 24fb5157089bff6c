package dev.commerce.payment.application;

import dev.commerce.payment.config.PaymentConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSafetyTest {

    @Test
    void the_prod_profile_refuses_the_test_provider_and_the_committed_secret() {
        assertThat(ProductionSafety.refusals(List.of("prod"), config("test", ProductionSafety.COMMITTED_TEST_SECRET, false)))
                .hasSize(2);
    }

    @Test
    void an_explicit_allowance_lets_a_test_deployment_start() {
        assertThat(ProductionSafety.refusals(List.of("prod"), config("test", ProductionSafety.COMMITTED_TEST_SECRET, true)))
                .isEmpty();
    }

    @Test
    void a_real_provider_with_its_own_secret_starts() {
        assertThat(ProductionSafety.refusals(List.of("prod"), config("acme", "s3cr3t-from-the-vault", false))).isEmpty();
    }

    @Test
    void other_profiles_are_not_checked() {
        assertThat(ProductionSafety.refusals(List.of("test"), config("test", ProductionSafety.COMMITTED_TEST_SECRET, false)))
                .isEmpty();
    }

    private static PaymentConfig config(String provider, String testSecret, boolean allowed) {
        return (PaymentConfig) Proxy.newProxyInstance(PaymentConfig.class.getClassLoader(), new Class<?>[]{PaymentConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "provider" -> provider;
                    case "allowTestProvider" -> allowed;
                    case "notificationSecrets" -> Map.of("test", testSecret);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
