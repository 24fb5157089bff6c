package dev.commerce.payment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.payment.application.PaymentConfig;
import dev.commerce.payment.application.Payments;
import dev.commerce.payment.provider.NotificationSignatures;
import dev.commerce.payment.provider.ProviderGateway;
import dev.commerce.payment.provider.ProviderNotification;
import dev.commerce.platform.web.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Providers' asynchronous notifications. Trusted only with a valid HMAC signature over the raw body; a replayed
 * notification id is acknowledged and ignored.
 */
@Path("/payment-notifications/{provider}")
@Tag(name = "Provider notifications", description = "Webhooks of the payment providers (signed)")
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);

    private final Payments payments;
    private final ProviderGateway providers;
    private final PaymentConfig config;
    private final ObjectMapper json;

    public NotificationResource(Payments payments, ProviderGateway providers, PaymentConfig config, ObjectMapper json) {
        this.payments = payments;
        this.providers = providers;
        this.config = config;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a provider notification",
            description = "Header X-Commerce-Signature: sha256=<hex HMAC-SHA256 of the raw body with the provider's secret>.")
    @APIResponse(responseCode = "204", description = "Applied, or a replay that was ignored")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature: nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@PathParam("provider") String provider,
                            @HeaderParam(NotificationSignatures.HEADER) String signature, byte[] body) throws IOException {
        if (!providers.knows(provider)) {
            throw ProblemException.notFound("payment provider", provider);
        }
        if (!NotificationSignatures.verify(config.notificationSecrets().get(provider), body, signature)) {
            LOG.warnf("Refused a notification for %s with a missing or wrong signature", provider);
            throw new ProblemException(401, "invalid-signature", "Invalid signature",
                    "the notification is not signed with this provider's secret");
        }
        JsonNode notification = json.readTree(body);
        String id = notification.path("notificationId").asText("");
        String reference = notification.path("reference").asText("");
        String outcome = notification.path("outcome").asText("");
        if (id.isBlank() || reference.isBlank() || !(outcome.equals("APPROVED") || outcome.equals("DECLINED"))) {
            throw ProblemException.badRequest("invalid-notification",
                    "a notification needs notificationId, reference and outcome APPROVED or DECLINED");
        }
        payments.notified(provider, new ProviderNotification(id, reference, outcome,
                notification.path("reasonCode").asText(null), notification.path("cardLast4").asText(null)));
        return Response.noContent().build();
    }
}
