package dev.commerce.platform.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens the services accept (SmallRye JWT: {@code upn} names the principal,
 * {@code groups} carries the roles). For local runs and tests only; production tokens come from an OIDC provider.
 */
public final class TokenMinter {

    public static final String DEFAULT_ISSUER = "https://commerce.local/issuer";

    private final SigningKeys keys;
    private final String issuer;

    public TokenMinter(SigningKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String admin() {
        return mint("admin@commerce.local", Set.of("admin"), Duration.ofHours(12));
    }

    public String customer(String customerId) {
        return mint(customerId, Set.of("customer"), Duration.ofHours(12));
    }

    public String partner(String partnerId) {
        return mint(partnerId, Set.of("partner"), Duration.ofHours(12));
    }

    /** A service credential ({@code service} role), e.g. order-service's for the checkout hand-off. */
    public String service(String serviceName) {
        return mint(serviceName, Set.of("service"), Duration.ofHours(12));
    }

    /**
     * The credential one service calls another with, for as long as a local platform runs (a year); in production an
     * OIDC client-credentials token, renewed by the client.
     */
    public String serviceCredential(String serviceName) {
        return mint(serviceName, Set.of("service"), Duration.ofDays(365));
    }

    /** Tokens for the local platform's sample users, by the variable name they are printed under. */
    public java.util.Map<String, String> sampleTokens() {
        java.util.Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("ADMIN_TOKEN", admin());
        tokens.put("CUSTOMER_TOKEN", customer("customer-1"));
        tokens.put("PARTNER_TOKEN", partner("partner-1"));
        tokens.put("SERVICE_TOKEN", service("order-service"));
        return tokens;
    }

    /** Writes tokens as a shell-sourceable {@code NAME=value} file and returns its text. */
    public static String writeEnvFile(java.nio.file.Path file, java.util.Map<String, String> tokens) {
        StringBuilder env = new StringBuilder();
        tokens.forEach((name, token) -> env.append(name).append('=').append(token).append('\n'));
        try {
            java.nio.file.Files.writeString(file, env);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        return env.toString();
    }

    /** A signed token for {@code subject} with the given roles, valid for {@code lifetime}. */
    public String mint(String subject, Set<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        // kid: verifiers that read the issuer's JWKS (customer-service's) pick the key by it
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + jsonString(keys.keyId()) + "}";
        String groups = roles.stream().sorted().map(TokenMinter::jsonString).collect(Collectors.joining(",", "[", "]"));
        String claims = "{"
                + "\"iss\":" + jsonString(issuer)
                + ",\"sub\":" + jsonString(subject)
                + ",\"upn\":" + jsonString(subject)
                + ",\"groups\":" + groups
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + jsonString(UUID.randomUUID().toString())
                + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        return signingInput + "." + sign(signingInput);
    }

    private String sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
