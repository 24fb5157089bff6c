package dev.commerce.customer.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.commerce.customer.application.SigningKeyRing;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The issuer's public keys (RFC 7517), for every service and partner that verifies its tokens. */
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "Authentication")
public class JwksResource {

    private static final String JWK_SET = "application/jwk-set+json";

    private final SigningKeyRing keys;

    private static final String JWKS_EXAMPLE = """
            {"keys":[{"kty":"RSA","kid":"NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs","use":"sig","alg":"RS256","n":"0vx7agoebGcQSuuPiLJXZpt...","e":"AQAB"}]}""";

    public JwksResource(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GET
    @Produces({JWK_SET, "application/json"})
    @Operation(operationId = "getJsonWebKeySet", summary = "The public keys tokens are signed with",
            description = "During a key rotation the old and the new key are both listed; match a token's kid.")
    @APIResponse(responseCode = "200", description = "The JSON Web Key Set", content = {
            @Content(mediaType = JWK_SET, schema = @Schema(type = SchemaType.OBJECT, examples = JWKS_EXAMPLE)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, examples = JWKS_EXAMPLE))})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.jwks()).cacheControl(cache).build();
    }
}
