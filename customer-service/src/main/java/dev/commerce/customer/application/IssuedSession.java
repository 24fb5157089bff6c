package dev.commerce.customer.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What a sign-in or a refresh hands the customer's app: a short-lived access token and the next refresh token. */
public record IssuedSession(UUID customerId, UUID sessionId, String accessToken, Duration accessTokenLifetime,
                            String refreshToken, Instant refreshTokenExpiresAt) {
}
