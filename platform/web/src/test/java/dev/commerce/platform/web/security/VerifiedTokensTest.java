package dev.commerce.platform.web.security;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    private final List<String> verifications = new ArrayList<>();
    /** What the real parser would answer per token: its expiry (epoch seconds), or absent for a bad signature. */
    private final Map<String, Long> expiries = Map.of(
            "good", now() + 300, "other", now() + 300, "expired", now() - 1, "no-expiry", 0L);
    private final VerifiedTokens tokens = new VerifiedTokens(100);

    /** Stands for the real parser: counts verifications, refuses unknown (forged) and expired tokens. */
    private JsonWebToken verify(String token) throws ParseException {
        verifications.add(token);
        Long expiry = expiries.get(token);
        if (expiry == null || (expiry > 0 && expiry < now())) {
            throw new ParseException("signature or expiry refused: " + token);
        }
        return token(expiry);
    }

    @Test
    void verifies_a_token_once_while_it_is_valid() throws ParseException {
        JsonWebToken first = tokens.verify("good", this::verify);
        assertSame(first, tokens.verify("good", this::verify));
        assertEquals(List.of("good"), verifications);
    }

    @Test
    void never_remembers_a_refused_token() {
        assertThrows(ParseException.class, () -> tokens.verify("forged", this::verify));
        assertThrows(ParseException.class, () -> tokens.verify("forged", this::verify));
        assertThrows(ParseException.class, () -> tokens.verify("expired", this::verify));
        assertEquals(List.of("forged", "forged", "expired"), verifications);
    }

    @Test
    void starts_over_when_full_instead_of_growing() throws ParseException {
        VerifiedTokens small = new VerifiedTokens(1);
        small.verify("good", this::verify);
        small.verify("other", this::verify); // full: forgets "good"
        small.verify("other", this::verify);
        small.verify("good", this::verify);
        assertEquals(List.of("good", "other", "good"), verifications);
    }

    @Test
    void verifies_a_token_without_expiry_every_time() throws ParseException {
        tokens.verify("no-expiry", this::verify);
        tokens.verify("no-expiry", this::verify);
        assertEquals(List.of("no-expiry", "no-expiry"), verifications);
    }

    private static JsonWebToken token(long expiresAt) {
        return (JsonWebToken) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[]{JsonWebToken.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getExpirationTime")) {
                        return expiresAt;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
