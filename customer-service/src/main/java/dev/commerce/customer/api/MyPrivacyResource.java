package dev.commerce.customer.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.commerce.customer.application.PrivacyRequests;
import dev.commerce.customer.application.Profiles;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

/** The signed-in customer's exports of their data. */
@Path("/customers/me/privacy-exports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
@Tag(name = "Privacy", description = "Exports of a customer's data, and erasure")
public class MyPrivacyResource {

    private final PrivacyRequests privacy;
    private final SecurityIdentity identity;

    public MyPrivacyResource(PrivacyRequests privacy, SecurityIdentity identity) {
        this.privacy = privacy;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "requestMyDataExport", summary = "Ask for everything the shop holds about me",
            description = "Every service holding personal data (customer, cart, order, payment) sends its part; poll the "
                    + "request until READY, then download the document.")
    @APIResponse(responseCode = "202", description = "Requested; Location names it",
            content = @Content(schema = @Schema(implementation = PrivacyResponse.class)))
    public Response request() {
        UUID customerId = customerId();
        PrivacyRequests.Progress progress = privacy.requestExport(customerId, customerId.toString());
        URI location = URI.create("/customers/me/privacy-exports/" + progress.request().id());
        return Response.accepted(PrivacyResponse.of(progress, location + "/document")).location(location).build();
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getMyDataExport", summary = "An export request and which services have answered")
    @APIResponse(responseCode = "200", description = "The request and its progress")
    @APIResponse(responseCode = "404", description = "No such export of mine")
    public PrivacyResponse get(@Parameter(description = "The export request's id") @PathParam("requestId") UUID requestId) {
        return PrivacyResponse.of(privacy.get(requestId, customerId()), "/customers/me/privacy-exports/" + requestId + "/document");
    }

    @GET
    @Path("/{requestId}/document")
    @Operation(operationId = "downloadMyDataExport", summary = "The export: one JSON document with every service's part")
    @APIResponse(responseCode = "200", description = "The document: parts by service name",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT, examples = """
                    {"requestId":"6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c","parts":{"customer-service":[{"email":"ada@example.com"}],"cart-service":[],"order-service":[],"payment-service":[]}}""")))
    @APIResponse(responseCode = "409", description = "export-not-ready")
    public Response document(@Parameter(description = "The export request's id") @PathParam("requestId") UUID requestId) {
        return Response.ok(privacy.document(requestId, customerId()))
                .header("Content-Disposition", "attachment; filename=\"my-data-" + requestId + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    private UUID customerId() {
        return Profiles.customerId(Principals.subjectOf(identity));
    }
}
