package dev.commerce.customer.api;

import dev.commerce.customer.application.IssuedSession;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Tokens of a sign-in or refresh (never stored by a cache: {@code Cache-Control: no-store}). */
@Schema(name = "Session", description = "Send accessToken as a bearer token to every service; before it expires, "
        + "trade refreshToken for new tokens at POST /auth/refresh (each refresh token works once).")
public record SessionResponse(
        @Schema(examples = "4d2c9a1e-7b3f-4e5a-9c8d-1f0e2d3c4b5a") UUID customerId,
        @Schema(description = "The session (one sign-in on one device)", examples = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
        UUID sessionId,
        @Schema(description = "JWT: sub = customerId, groups = [customer]", examples = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi...")
        String accessToken,
        @Schema(examples = "Bearer") String tokenType,
        @Schema(description = "Seconds the access token is valid for", examples = "600") long expiresIn,
        @Schema(examples = "mF3kQ9vX2bN7rT1yW5uA8cE0gH4jL6pS9dZ2hK7mQ1w") String refreshToken,
        @Schema(examples = "2027-01-02T09:00:00Z") Instant refreshTokenExpiresAt) {

    static SessionResponse of(IssuedSession session) {
        return new SessionResponse(session.customerId(), session.sessionId(), session.accessToken(), "Bearer",
                session.accessTokenLifetime().toSeconds(), session.refreshToken(), session.refreshTokenExpiresAt());
    }
}
