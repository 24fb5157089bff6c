package dev.commerce.platform.web.security;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature was verified, remembered until they expire. A client sends the same token with
 * every request for its lifetime, and checking an RSA signature is the largest single cost of a small API call
 * (measured: bench/reservations/REPORT.md). The key is the whole token, signature included, so only a
 * byte-identical token hits; an expired one goes to the verifier again (which refuses it). Tokens without an
 * expiry and refused tokens are never kept.
 */
final class VerifiedTokens {

    /** Checks a token's signature and claims; throws when it is not acceptable. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final int capacity;
    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    /** {@code capacity}: enough for every client of a busy instance; when full the map starts over, never grows. */
    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        JsonWebToken checked = verifier.verify(token);
        if (unexpired(checked)) {
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, checked);
        }
        return checked;
    }

    private static boolean unexpired(JsonWebToken token) {
        long expiresAt = token.getExpirationTime();
        return expiresAt > 0 && expiresAt > System.currentTimeMillis() / 1000;
    }
}
