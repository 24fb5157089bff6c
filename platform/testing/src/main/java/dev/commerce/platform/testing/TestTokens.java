package dev.commerce.platform.testing;

import dev.commerce.platform.local.SigningKeys;
import dev.commerce.platform.local.TokenMinter;

import java.time.Duration;
import java.util.Set;

/** Bearer tokens the service under test accepts: signed with this JVM's test key pair. */
public final class TestTokens {

    public static final String ISSUER = "https://commerce.test/issuer";
    private static final SigningKeys KEYS = SigningKeys.generate();
    private static final TokenMinter MINTER = new TokenMinter(KEYS, ISSUER);

    private TestTokens() {
    }

    public static String admin() {
        return MINTER.admin();
    }

    public static String customer(String customerId) {
        return MINTER.customer(customerId);
    }

    public static String partner() {
        return MINTER.partner("partner-test");
    }

    /** order-service's service credential (role {@code service}). */
    public static String service() {
        return MINTER.service("order-service");
    }

    /** A token signed by a key the service does not trust. */
    public static String foreign() {
        return new TokenMinter(SigningKeys.generate(), ISSUER).admin();
    }

    public static String expired() {
        return MINTER.mint("admin@commerce.test", Set.of("admin"), Duration.ofMinutes(-10));
    }

    /** The private key, for customer-service, which signs customers' tokens with the deployment's key pair. */
    public static String privateKeyPem() {
        return KEYS.privateKeyPem();
    }

    public static String publicKeyPem() {
        return KEYS.publicKeyPem();
    }
}
