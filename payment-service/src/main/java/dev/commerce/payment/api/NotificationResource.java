package dev.commerce.payment.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.payment.application.ProviderNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

/**
 * Providers' asynchronous notifications. Trusted only with a valid HMAC signature over the raw body; a replayed
 * notification id is acknowledged and ignored.
 */
@Path("/payment-notifications/{provider}")
@Tag(name = "Provider notifications", description = "Webhooks of the payment providers (signed)")
public class NotificationResource {

    private final ProviderNotifications notifications;
    private final ObjectMapper json;

    public NotificationResource(ProviderNotifications notifications, ObjectMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveProviderNotification", summary = "Receive a provider notification",
            description = "Header X-Commerce-Signature: sha256=<hex HMAC-SHA256 of the raw body with the provider's secret>.")
    @APIResponse(responseCode = "204", description = "Applied, or a replay that was ignored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature: nothing changes")
    @RequestBody(description = "The provider's notification, signed as sent", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "authorized", value = """
            {"notificationId":"ntf_7f3a9c","reference":"pay_4b8e2d71c9","outcome":"AUTHORIZED","cardLast4":"4242"}""")))
    public Response receive(@Parameter(description = "The provider's name", example = "test") @PathParam("provider") String provider,
                            @Parameter(description = "sha256=<hex HMAC-SHA256 of the raw body with the provider's secret>")
                            @HeaderParam(ProviderNotifications.SIGNATURE_HEADER) String signature, byte[] body) throws IOException {
        notifications.requireSigned(provider, body, signature);
        JsonNode notification = json.readTree(body);
        String id = notification.path("notificationId").asText("");
        String reference = notification.path("reference").asText("");
        String outcome = notification.path("outcome").asText("");
        if (id.isBlank() || reference.isBlank() || !(outcome.equals("APPROVED") || outcome.equals("DECLINED"))) {
            throw ProblemException.badRequest("invalid-notification",
                    "a notification needs notificationId, reference and outcome APPROVED or DECLINED");
        }
        notifications.apply(provider, new ProviderNotifications.Notice(id, reference, outcome,
                notification.path("reasonCode").asText(null), notification.path("cardLast4").asText(null)));
        return Response.noContent().build();
    }
}
