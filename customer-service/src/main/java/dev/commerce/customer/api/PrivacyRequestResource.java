package dev.commerce.customer.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Privacy requests for the back office (made with POST /customers/{id}/privacy-exports and /erasure). */
@Path("/privacy-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Privacy")
public class PrivacyRequestResource {

    private final PrivacyRequests privacy;

    public PrivacyRequestResource(PrivacyRequests privacy) {
        this.privacy = privacy;
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getPrivacyRequest", summary = "A privacy request and which services have answered")
    @APIResponse(responseCode = "200", description = "The request and its progress")
    @APIResponse(responseCode = "404", description = "Unknown request")
    public PrivacyResponse get(@Parameter(description = "The request's id") @PathParam("requestId") UUID requestId) {
        return PrivacyResponse.of(privacy.get(requestId, null), "/privacy-requests/" + requestId + "/document");
    }

    @GET
    @Path("/{requestId}/document")
    @Operation(operationId = "downloadPrivacyExport", summary = "An export's document, for handing to the customer")
    @APIResponse(responseCode = "200", description = "The document: parts by service name",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, examples = """
                    {"requestId":"6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c","parts":{"customer-service":[{"email":"ada@example.com"}],"cart-service":[],"order-service":[],"payment-service":[]}}""")))
    @APIResponse(responseCode = "409", description = "export-not-ready")
    public Response document(@Parameter(description = "The request's id") @PathParam("requestId") UUID requestId) {
        return Response.ok(privacy.document(requestId, null)).header("Cache-Control", "no-store").build();
    }
}
