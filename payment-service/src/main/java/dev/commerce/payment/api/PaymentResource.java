package dev.commerce.payment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.payment.application.Payments;
import dev.commerce.payment.domain.Amounts;
import dev.commerce.payment.domain.Payment;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Payments and their transactions. Customers see their own payments only (another's answers 404, like an unknown
 * one); admins see all and capture, void, refund and review them.
 */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Payment attempts of orders, their transactions, and admin operations")
public class PaymentResource {

    private final Payments payments;
    private final SecurityIdentity identity;

    public PaymentResource(Payments payments, SecurityIdentity identity) {
        this.payments = payments;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listOrderPayments", summary = "The payments of an order", description = "Every attempt, oldest first.")
    public List<PaymentResponses.PaymentDetails> ofOrder(@Parameter(description = "The order whose payments to list") @QueryParam("orderId") @NotNull UUID orderId) {
        return payments.ofOrder(orderId).stream().filter(this::visible)
                .map(payment -> PaymentResponses.PaymentDetails.of(payment, payments.transactions(payment.id()))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getPayment", summary = "A payment and its transactions")
    @APIResponse(responseCode = "200", description = "The payment", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or another customer's")
    public Response get(@Parameter(description = "The payment's id") @PathParam("id") UUID id) {
        return ok(visiblePayment(id));
    }

    @POST
    @Path("/{id}/authentication")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Operation(operationId = "authenticatePayment", summary = "Complete strong customer authentication",
            description = "The shopper's app calls this after the challenge at the payment's actionUrl; the provider then "
                    + "authorizes or declines (AUTHENTICATION_FAILED).")
    @APIResponse(responseCode = "200", description = "The payment after the authentication", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "409", description = "The payment is not waiting for authentication")
    public Response authenticate(@Parameter(description = "The payment's id") @PathParam("id") UUID id, @Valid @NotNull PaymentRequests.Authentication request) {
        visiblePayment(id);
        payments.completeAuthentication(id, request.challengeResponse());
        return ok(payments.get(id));
    }

    @POST
    @Path("/{id}/captures")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "capturePayment", summary = "Capture all or part of the authorization",
            description = "Partial captures add up to the authorized amount. Send an Idempotency-Key: a retry never captures twice.")
    @APIResponse(responseCode = "200", description = "The payment with the capture", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "409", description = "More than is left, another currency, or a payment that is not authorized")
    public Response capture(@Parameter(description = "The payment's id") @PathParam("id") UUID id, @Valid @NotNull PaymentRequests.Amount request,
                            @Parameter(description = IdempotencyInterceptor.KEY_DESCRIPTION) @HeaderParam(IdempotencyInterceptor.HEADER) String idempotencyKey) {
        Payments.Operation capture = payments.capture(id, Amounts.parse("amount", request.amount(), request.currency()),
                request.currency(), operationKey("capture", idempotencyKey));
        return operationResult(capture, "capture-declined");
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "refundPayment", summary = "Refund all or part of what was captured",
            description = "Several partial refunds add up to the captured amount at most. Send an Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The payment with the refund", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "409", description = "More than was captured, another currency, or nothing captured")
    public Response refund(@Parameter(description = "The payment's id") @PathParam("id") UUID id, @Valid @NotNull PaymentRequests.Amount request,
                           @Parameter(description = IdempotencyInterceptor.KEY_DESCRIPTION) @HeaderParam(IdempotencyInterceptor.HEADER) String idempotencyKey) {
        Payments.Operation refund = payments.refund(id, Amounts.parse("amount", request.amount(), request.currency()),
                request.currency(), operationKey("refund", idempotencyKey), null);
        return operationResult(refund, "refund-declined");
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "voidPayment", summary = "Void an authorization nothing was captured from",
            description = "Idempotent. A payment whose authorization has not answered yet (a provider timeout) is voided at "
                    + "once; its VOID transaction stays PENDING until the provider's answer is known and whatever it "
                    + "authorized is voided.")
    @APIResponse(responseCode = "200", description = "The voided payment", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "409", description = "Captured, declined or refunded payments cannot be voided")
    public Response voidPayment(@Parameter(description = "The payment's id") @PathParam("id") UUID id) {
        return ok(payments.voidPayment(id, "ADMIN_VOID"));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reviewPayment", summary = "Decide on a payment fraud screening flagged",
            description = "APPROVED keeps the authorization; REJECTED voids it.")
    @APIResponse(responseCode = "200", description = "The payment after the decision", content = @Content(schema = @Schema(implementation = PaymentResponses.PaymentDetails.class)))
    @APIResponse(responseCode = "409", description = "Not flagged, or decided already")
    public Response review(@Parameter(description = "The payment's id") @PathParam("id") UUID id, @Valid @NotNull PaymentRequests.Review request) {
        return ok(payments.review(id, request.decision()));
    }

    private Response operationResult(Payments.Operation operation, String declinedType) {
        if (!operation.succeeded()) {
            throw ProblemException.conflict(declinedType, "the provider refused: " + operation.transaction().failureCode());
        }
        return ok(operation.payment());
    }

    /** Without an Idempotency-Key every request is a new operation. */
    private static String operationKey(String kind, String idempotencyKey) {
        return "admin-" + kind + ":" + (idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
    }

    private Payment visiblePayment(UUID id) {
        Payment payment = payments.get(id);
        if (!visible(payment)) {
            throw ProblemException.notFound("payment", id);
        }
        return payment;
    }

    private boolean visible(Payment payment) {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.PARTNER)
                || payment.customerId().equals(Principals.subjectOf(identity));
    }

    private Response ok(Payment payment) {
        return Response.ok(PaymentResponses.PaymentDetails.of(payment, payments.transactions(payment.id())))
                .tag(Versions.etag(payment.version())).build();
    }
}
