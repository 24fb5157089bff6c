package dev.commerce.customer.application;

import dev.commerce.customer.config.CustomerConfig;
import dev.commerce.platform.web.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Signs customers' access tokens as every service verifies them today: {@code sub} (and {@code upn}) the customer id,
 * {@code groups} the {@code customer} role, the deployment's issuer, and {@code sid} the session it belongs to.
 */
@ApplicationScoped
public class AccessTokens {

    private final SigningKeyRing keys;
    private final String issuer;
    private final Duration lifetime;

    public AccessTokens(SigningKeyRing keys, CustomerConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = config.accessTokenLifetime();
    }

    public String issue(UUID customerId, UUID sessionId, Instant now) {
        return Jwt.issuer(issuer)
                .subject(customerId.toString())
                .upn(customerId.toString())
                .groups(Set.of(Roles.CUSTOMER))
                .claim("sid", sessionId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().keyId(keys.signingKeyId())
                .sign(keys.signingKey());
    }

    public Duration lifetime() {
        return lifetime;
    }
}
