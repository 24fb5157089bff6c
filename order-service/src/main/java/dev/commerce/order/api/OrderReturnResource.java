package dev.commerce.order.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import dev.commerce.order.application.OrderReturns;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.platform.web.http.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The shopper (or an admin) sends delivered units of an order back; the back office receives them ({@link ReturnResource}). */
@Path("/orders/{id}/returns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderReturnResource {

    private final OrderReturns returns;
    private final CallingShopper shopper;

    public OrderReturnResource(OrderReturns returns, CallingShopper shopper) {
        this.returns = returns;
        this.shopper = shopper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestReturn", summary = "Send delivered units back",
            description = "By the order's customer, a guest with X-Order-Token, or an admin, within the return window after "
                    + "the latest delivery (commerce.order.return-window, 30 days). The units are set aside at once and "
                    + "priced as their share of their lines; shipping is not refunded. With an Idempotency-Key a repeated "
                    + "request creates one return.")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = FulfillmentResponses.ReturnView.class)))
    @APIResponse(responseCode = "409", description = "order-not-delivered, return-window-closed (with returnableUntil), "
            + "quantity-exceeds-returnable (with sku and available)")
    @APIResponse(responseCode = "422", description = "unknown-order-line")
    public Response request(@Parameter(description = "The order's id") @PathParam("id") UUID orderId,
                            @Parameter(in = ParameterIn.HEADER, description = "One per return, reused on retries")
                            @HeaderParam("Idempotency-Key") @Size(max = 255) String idempotencyKey,
                            @Parameter(in = ParameterIn.HEADER, description = "A guest's order token")
                            @HeaderParam(CallingShopper.ORDER_TOKEN) String orderToken,
                            @Valid @NotNull OrderRequests.CreateReturn request, @Context UriInfo uri) {
        OrderReturn orderReturn = returns.request(orderId, new OrderReturns.ReturnRequest(OrderRequests.Units.all(request.lines()),
                request.reason(), idempotencyKey), shopper.caller());
        return Response.created(uri.getBaseUriBuilder().path("returns").path(orderReturn.id().toString()).build())
                .entity(FulfillmentResponses.ReturnView.of(orderReturn)).tag(Versions.etag(orderReturn.version())).build();
    }
}
