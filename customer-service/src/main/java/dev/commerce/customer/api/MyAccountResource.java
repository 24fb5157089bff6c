package dev.commerce.customer.api;

import dev.commerce.customer.application.Accounts;
import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.customer.application.Profiles;
import dev.commerce.customer.application.Sessions;
import dev.commerce.customer.domain.Customer;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The signed-in customer's own account: profile, password, e-mail verification, sessions. */
@Path("/customers/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "My account", description = "The signed-in customer's profile, password and sessions")
public class MyAccountResource {

    @Schema(name = "ProfileChange", description = "Fields to change; absent ones stay, an empty phone removes it.")
    record ProfileChange(
            @Size(min = 1, max = 200) @Schema(examples = "Ana Nowak") String name,
            @Size(max = 40) @Schema(examples = "+48 600 100 200") String phone) {
    }

    @Schema(name = "ErasureConfirmation")
    record ErasureConfirmation(@NotNull @Size(max = 1024) @Schema(description = "The account's password, to prove it is you",
            examples = "correct horse battery staple") String password) {
    }

    private final Profiles profiles;
    private final Accounts accounts;
    private final Sessions sessions;
    private final PrivacyRequests privacy;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final HttpHeaders headers;

    public MyAccountResource(Profiles profiles, Accounts accounts, Sessions sessions, PrivacyRequests privacy,
                             SecurityIdentity identity, JsonWebToken token, HttpHeaders headers) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.sessions = sessions;
        this.privacy = privacy;
        this.identity = identity;
        this.token = token;
        this.headers = headers;
    }

    @GET
    @Operation(operationId = "getMyProfile", summary = "The signed-in customer's profile")
    @APIResponse(responseCode = "200", description = "The profile; ETag is its version",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "404", description = "The token's subject has no account")
    public Response get() {
        return ok(profiles.get(subject()));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeMyProfile", summary = "Change name or phone",
            description = "If-Match is honoured (412 when stale), not required.")
    @APIResponse(responseCode = "200", description = "The changed profile",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    public Response change(@Valid @NotNull ProfileChange change) {
        return ok(profiles.change(subject(), version -> Versions.matchIfPresent(headers, version),
                new Profiles.Change(change.name(), change.phone())));
    }

    @POST
    @Path("/password")
    @Operation(operationId = "changeMyPassword", summary = "Change the password",
            description = "Proven with the current password. Every other session of the account ends; this one stays.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "password-policy")
    @APIResponse(responseCode = "422", description = "wrong-password: the current password is wrong")
    public void changePassword(@Valid @NotNull AuthRequests.PasswordChange request) {
        accounts.changePassword(Profiles.customerId(subject()), sessionId(), request.currentPassword(), request.newPassword());
    }

    @POST
    @Path("/email-verification")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "requestEmailVerification", summary = "Mail a new verification link",
            description = "Earlier links stop working. Nothing is sent for a verified address.")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(implementation = AcceptedResponse.class)))
    public Response requestEmailVerification() {
        accounts.requestEmailVerification(Profiles.customerId(subject()));
        return Response.accepted(new AcceptedResponse("If the address is not verified yet, a mail is on its way to it.")).build();
    }

    @POST
    @Path("/sign-out-everywhere")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "signOutEverywhere", summary = "End every session of the account, this one included",
            description = "Refresh tokens stop working at once; access tokens already issued expire within minutes.")
    @APIResponse(responseCode = "204", description = "Every session ended")
    public void signOutEverywhere() {
        sessions.signOutEverywhere(Profiles.customerId(subject()));
    }

    @POST
    @Path("/erasure")
    @Operation(operationId = "eraseMyAccount", summary = "Delete my account and my data",
            description = "Proven with the password. The account is deleted at once (every session ends); carts are "
                    + "deleted, orders kept for accounting lose name, e-mail, addresses and phone, payments keep only the "
                    + "provider reference and the last four digits. Follow the other services at the returned request "
                    + "(admin) or trust the announcement: it finishes even if a service is down now.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow",
            content = @Content(schema = @Schema(implementation = PrivacyResponse.class)))
    @APIResponse(responseCode = "422", description = "wrong-password")
    public Response erase(@Valid @NotNull ErasureConfirmation confirmation) {
        UUID customerId = Profiles.customerId(subject());
        return Response.accepted(PrivacyResponse.of(privacy.erase(customerId, customerId.toString(), confirmation.password()), null))
                .build();
    }

    private String subject() {
        return Principals.subjectOf(identity);
    }

    /** The session the access token belongs to ({@code sid}); null for a token without one (minted by hand). */
    private UUID sessionId() {
        Object sid = token.getClaim("sid");
        try {
            return sid == null ? null : UUID.fromString(sid.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response ok(Customer customer) {
        return Response.ok(CustomerResponse.ofOwn(customer)).tag(Versions.etag(customer.version())).build();
    }
}
