package dev.commerce.order.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.order.application.OrderHistory;
import dev.commerce.order.application.OrderShipments;
import dev.commerce.order.domain.fulfillment.Shipment;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import java.util.List;
import java.util.UUID;

/** The back office ships an order, in one parcel or several, and records each delivery. */
@Path("/orders/{id}/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class ShipmentResource {

    private final OrderShipments shipments;
    private final OrderHistory history;
    private final CallingShopper shopper;
    private final ObjectMapper json;

    public ShipmentResource(OrderShipments shipments, OrderHistory history, CallingShopper shopper, ObjectMapper json) {
        this.shipments = shipments;
        this.history = history;
        this.shopper = shopper;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createShipment", summary = "Ship units of a confirmed order",
            description = "Partial shipments are allowed. Each emits order-shipped with the amount payment-service captures: "
                    + "the shipped units' share of their lines (tax included, prorated to the cent so the shares of a line "
                    + "add up to its total), plus the order's shipping charge on the first shipment. An order on hold for "
                    + "a payment review does not ship. With an Idempotency-Key a repeated request creates one shipment.")
    @APIResponse(responseCode = "201", description = "Shipped", content = @Content(schema = @Schema(implementation = FulfillmentResponses.ShipmentView.class)))
    @APIResponse(responseCode = "200", description = "The shipment this Idempotency-Key created before",
            content = @Content(schema = @Schema(implementation = FulfillmentResponses.ShipmentView.class)))
    @APIResponse(responseCode = "409", description = "order-not-shippable (not confirmed, or on hold), quantity-exceeds-unshipped "
            + "(with sku and available)")
    @APIResponse(responseCode = "422", description = "unknown-order-line: the order has no line with that SKU")
    public Response ship(@Parameter(description = "The order's id") @PathParam("id") UUID orderId,
                         @Parameter(in = ParameterIn.HEADER, description = "One per parcel, reused on retries")
                         @HeaderParam("Idempotency-Key") @Size(max = 255) String idempotencyKey,
                         @Valid @NotNull OrderRequests.CreateShipment request, @Context UriInfo uri) {
        OrderShipments.Shipped shipped = shipments.ship(orderId, new OrderShipments.ShipmentRequest(
                OrderRequests.Units.all(request.lines()), request.carrier(), request.trackingNumber(), idempotencyKey),
                shopper.caller());
        Shipment shipment = shipped.shipment();
        Response.ResponseBuilder answer = shipped.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(shipment.id().toString()).build()) : Response.ok();
        return answer.entity(FulfillmentResponses.ShipmentView.of(shipment)).build();
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listShipments", summary = "The order's shipments, first shipped first",
            description = "For its customer and the back office (a guest reads them in the order, with X-Order-Token).")
    @APIResponse(responseCode = "200", description = "The shipments")
    @APIResponse(responseCode = "404", description = "Unknown order, or not the caller's")
    public List<FulfillmentResponses.ShipmentView> list(@Parameter(description = "The order's id") @PathParam("id") UUID orderId) {
        return shipments.of(orderId, shopper.caller()).stream().map(FulfillmentResponses.ShipmentView::of).toList();
    }

    @POST
    @Path("/{shipmentId}/delivery")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordDelivery", summary = "The carrier delivered a shipment",
            description = "Emits order-delivered; the order is DELIVERED once every unit is. Repeating it changes nothing. "
                    + "The return window runs from the latest delivery.")
    @APIResponse(responseCode = "200", description = "The order after the delivery",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown order or shipment")
    public Response deliver(@Parameter(description = "The order's id") @PathParam("id") UUID orderId, @Parameter(description = "The shipment's id") @PathParam("shipmentId") UUID shipmentId) {
        shipments.deliver(orderId, shipmentId, shopper.caller());
        OrderHistory.OrderDetails details = history.get(orderId, shopper.caller());
        return Response.ok(OrderResponse.of(details, null, json)).tag(Versions.etag(details.order().version())).build();
    }
}
