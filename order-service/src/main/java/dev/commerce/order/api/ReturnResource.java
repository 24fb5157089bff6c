package dev.commerce.order.api;

import dev.commerce.order.application.OrderReturns;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * Returns in the back office: it confirms the goods arrived ({@code POST /returns/{id}/receipt}), which restocks them
 * and refunds their amount. The shopper asks for a return through {@link OrderReturnResource}.
 */
@Path("/returns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class ReturnResource {

    private final OrderReturns returns;
    private final CallingShopper shopper;

    public ReturnResource(OrderReturns returns, CallingShopper shopper) {
        this.returns = returns;
        this.shopper = shopper;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listReturns", summary = "List returns (back office)",
            description = "Newest first, with cursor paging; status=REQUESTED lists the goods the warehouse expects.")
    @APIResponse(responseCode = "200", description = "A page of returns")
    @APIResponse(responseCode = "400", description = "validation: an invalid status, order id or cursor")
    public Page<FulfillmentResponses.ReturnView> list(
            @QueryParam("status") @Parameter(description = "REQUESTED, RECEIVED or REFUNDED") String status,
            @QueryParam("orderId") @Parameter(description = "Only this order's returns") String orderId,
            @Valid @BeanParam PageParams page) {
        return returns.list(statusOf(status), orderIdOf(orderId), page).map(FulfillmentResponses.ReturnView::of);
    }

    @GET
    @Path("/{returnId}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getReturn", summary = "Get a return (back office)")
    @APIResponse(responseCode = "200", description = "The return, its version as ETag",
            content = @Content(schema = @Schema(implementation = FulfillmentResponses.ReturnView.class)))
    @APIResponse(responseCode = "404", description = "Unknown return")
    public Response get(@Parameter(description = "The return's id") @PathParam("returnId") UUID returnId) {
        OrderReturn orderReturn = returns.get(returnId);
        return Response.ok(FulfillmentResponses.ReturnView.of(orderReturn)).tag(Versions.etag(orderReturn.version())).build();
    }

    @POST
    @Path("/{returnId}/receipt")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "receiveReturn", summary = "The returned goods arrived",
            description = "Emits return-received: inventory restocks the lines, payment-service refunds the amount; the return "
                    + "is REFUNDED when payment-refunded arrives. Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The received return",
            content = @Content(schema = @Schema(implementation = FulfillmentResponses.ReturnView.class)))
    @APIResponse(responseCode = "404", description = "Unknown return")
    public Response receive(@Parameter(description = "The return's id") @PathParam("returnId") UUID returnId) {
        OrderReturn orderReturn = returns.receive(returnId, shopper.caller());
        return Response.ok(FulfillmentResponses.ReturnView.of(orderReturn)).tag(Versions.etag(orderReturn.version())).build();
    }

    private static OrderReturn.Status statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderReturn.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + java.util.Arrays.toString(OrderReturn.Status.values()));
        }
    }

    private static UUID orderIdOf(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(orderId.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("orderId", "must be a UUID");
        }
    }
}
