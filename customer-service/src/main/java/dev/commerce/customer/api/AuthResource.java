package dev.commerce.customer.api;

import dev.commerce.customer.application.Accounts;
import dev.commerce.customer.application.SignIns;
import dev.commerce.customer.application.Sessions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-up, sign-in and the credentials around them, for storefronts and apps. Anonymous calls: the body carries
 * what proves the caller (a password, a refresh token, a link's token).
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Authentication", description = "Sign-up, sign-in, refresh, sign-out, password reset, e-mail verification")
public class AuthResource {

    private static final String MAIL_ON_ITS_WAY = "If the address can be used, a mail is on its way to it.";

    private final Accounts accounts;
    private final SignIns signIns;
    private final Sessions sessions;

    public AuthResource(Accounts accounts, SignIns signIns, Sessions sessions) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.sessions = sessions;
    }

    @POST
    @Path("/sign-up")
    @Operation(operationId = "signUp", summary = "Open an account",
            description = "Always 202, whether or not the address already has an account (the owner of the address "
                    + "is told by mail either way: a verification link, or a notice that someone tried to sign up). "
                    + "Then sign in with the same e-mail and password; the account works before it is verified.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid-email, or password-policy (requirements lists what the password must be)")
    public Response signUp(@Valid @NotNull AuthRequests.SignUp request) {
        accounts.signUp(request.email(), request.password(), request.name());
        return Response.accepted(new AcceptedResponse(MAIL_ON_ITS_WAY)).build();
    }

    @POST
    @Path("/sign-in")
    @Operation(operationId = "signIn", summary = "Sign in with e-mail and password",
            description = "Starts a session: a short-lived access token and a refresh token. Failed attempts are "
                    + "throttled per account and per client address (429 with Retry-After).")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "401", description = "invalid-credentials: the address or the password is wrong (one answer for both)")
    @APIResponse(responseCode = "403", description = "account-blocked")
    @APIResponse(responseCode = "429", description = "too-many-sign-in-attempts; Retry-After says when to try again")
    public Response signIn(@Valid @NotNull AuthRequests.SignIn request, @Context HttpServerRequest http) {
        return tokens(SessionResponse.of(signIns.signIn(request.email(), request.password(), clientAddress(http))));
    }

    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token for new tokens",
            description = "Each refresh token works once. Presenting one that was already used ends its session "
                    + "(someone else holds a copy): both holders must sign in again.")
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "401", description = "invalid-refresh-token, or refresh-token-reused (the session is ended)")
    @APIResponse(responseCode = "403", description = "account-blocked")
    public Response refresh(@Valid @NotNull AuthRequests.RefreshTokenBody request) {
        return tokens(SessionResponse.of(sessions.refresh(request.refreshToken())));
    }

    @POST
    @Path("/sign-out")
    @Operation(operationId = "signOut", summary = "End the session of a refresh token",
            description = "Idempotent: an unknown or ended session also answers 204. Access tokens already issued "
                    + "stay valid until they expire (minutes).")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void signOut(@Valid @NotNull AuthRequests.RefreshTokenBody request) {
        sessions.signOut(request.refreshToken());
    }

    @POST
    @Path("/password-reset")
    @Operation(operationId = "requestPasswordReset", summary = "Mail a password reset link",
            description = "Always 202: whether the address has an account is not told.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    public Response requestPasswordReset(@Valid @NotNull AuthRequests.PasswordResetRequest request) {
        accounts.requestPasswordReset(request.email());
        return Response.accepted(new AcceptedResponse(MAIL_ON_ITS_WAY)).build();
    }

    @POST
    @Path("/password-reset/confirm")
    @Operation(operationId = "resetPassword", summary = "Set a new password with a reset link's token",
            description = "Ends every session of the account and lifts its sign-in throttle.")
    @APIResponse(responseCode = "204", description = "Password set: sign in with it")
    @APIResponse(responseCode = "400", description = "password-policy")
    @APIResponse(responseCode = "422", description = "invalid-token: unknown, expired or used")
    public void resetPassword(@Valid @NotNull AuthRequests.PasswordReset request) {
        accounts.resetPassword(request.token(), request.newPassword());
    }

    @POST
    @Path("/email-verification/confirm")
    @Operation(operationId = "confirmEmail", summary = "Prove the account's e-mail address with a verification link's token")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "422", description = "invalid-token: unknown, expired, used, or sent to another address")
    public void confirmEmail(@Valid @NotNull AuthRequests.EmailVerification request) {
        accounts.confirmEmail(request.token());
    }

    /** Tokens must not be kept by any cache on the way (RFC 6749, 5.1). */
    private static Response tokens(SessionResponse session) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(session).cacheControl(noStore).build();
    }

    /** The caller's address as the HTTP layer resolved it (forwarded headers only when the proxy is trusted). */
    private static String clientAddress(HttpServerRequest http) {
        return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
