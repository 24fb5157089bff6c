package dev.commerce.payment.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.payment.application.Payments;
import dev.commerce.payment.domain.Payment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Strong customer authentication completed by the challenge's own unguessable reference (payment-action-required's
 * {@code action.data.challengeReference}), as a 3-D Secure challenge URL is: guests and customers alike, no token.
 */
@Path("/payment-challenges/{reference}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payment challenges", description = "Completing a strong-authentication challenge by its reference")
public class PaymentChallengeResource {

    /** What the shopper's app learns: the payment's new status (the order follows through the saga's events). */
    @Schema(name = "ChallengeOutcome")
    public record ChallengeOutcome(UUID paymentId, Payment.Status status) {
    }

    private final Payments payments;

    public PaymentChallengeResource(Payments payments) {
        this.payments = payments;
    }

    @POST
    @Operation(operationId = "completePaymentChallenge", summary = "Complete a strong-authentication challenge",
            description = "The provider decides from the challenge response: the payment is authorized or declined "
                    + "(AUTHENTICATION_FAILED); the order then moves to CONFIRMED or PAYMENT_FAILED. The reference is spent once answered.")
    @APIResponse(responseCode = "200", description = "The payment's outcome")
    @APIResponse(responseCode = "404", description = "No challenge with this reference is open")
    public ChallengeOutcome complete(@Parameter(description = "The challenge's own unguessable reference, from the payment's actionUrl") @PathParam("reference") @Pattern(regexp = "[A-Za-z0-9_-]{20,64}") String reference,
                                     @Valid @NotNull PaymentRequests.Authentication request) {
        Payment payment = payments.completeChallenge(reference, request.challengeResponse());
        return new ChallengeOutcome(payment.id(), payment.status());
    }
}
