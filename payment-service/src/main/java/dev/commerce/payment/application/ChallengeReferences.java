package dev.commerce.payment.application;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable references of strong-authentication challenges: 256 random bits, URL-safe. */
final class ChallengeReferences {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ChallengeReferences() {
    }

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
