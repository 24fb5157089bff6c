package dev.commerce.order.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.order.application.Checkout;
import dev.commerce.order.application.OrderCancellations;
import dev.commerce.order.application.OrderHistory;
import dev.commerce.order.application.OrderOutcomes;
import dev.commerce.order.application.OrderPayments;
import dev.commerce.order.application.OrderReviews;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.Order;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.time.Duration;
import java.util.UUID;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Checkout, the order's saga state and its history")
public class OrderResource {

    private final Checkout checkout;
    private final OrderHistory history;
    private final OrderOutcomes outcomes;
    private final OrderPayments payments;
    private final OrderCancellations cancellations;
    private final OrderReviews reviews;
    private final CallingShopper shopper;
    private final OrderConfig config;
    private final ObjectMapper json;

    public OrderResource(Checkout checkout, OrderHistory history, OrderOutcomes outcomes, OrderPayments payments,
                         OrderCancellations cancellations, OrderReviews reviews, CallingShopper shopper, OrderConfig config,
                         ObjectMapper json) {
        this.reviews = reviews;
        this.checkout = checkout;
        this.history = history;
        this.outcomes = outcomes;
        this.payments = payments;
        this.cancellations = cancellations;
        this.shopper = shopper;
        this.config = config;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeOrder", summary = "Check out a cart",
            description = "By a customer (bearer token) or a guest (no token: the cart id is the capability). The order id is "
                    + "derived from the caller and the Idempotency-Key: a retry with the same key continues the same order. "
                    + "Answers 202 with Location while the saga reserves stock and authorizes payment; with Prefer: wait=N "
                    + "(N up to 10 s) 201 with Preference-Applied as soon as the order reaches CONFIRMED, PAYMENT_FAILED, "
                    + "ACTION_REQUIRED or CANCELLED. A guest's answer carries orderToken, sent as X-Order-Token afterwards.")
    @APIResponse(responseCode = "201", description = "Prefer: wait was honoured: the order at its outcome",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "202", description = "Placed; follow Location for its outcome",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "The cart's refusal: insufficient-stock (lines with requested and "
            + "available), unavailable-lines, cart-checking-out, cart-not-editable, cart-owner-mismatch")
    @APIResponse(responseCode = "422", description = "cart-empty, checkout-details-missing, coupon-used-up, idempotency-key-reused")
    @APIResponse(responseCode = "503", description = "cart-unavailable: cart-service is down; nothing was ordered, retry after Retry-After")
    public Response place(@Parameter(in = ParameterIn.HEADER, required = true, description = "One per checkout, reused on retries")
                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Parameter(in = ParameterIn.HEADER, description = "wait=N (seconds, RFC 7240), e.g. wait=5")
                          @HeaderParam("Prefer") String prefer,
                          @Valid @NotNull OrderRequests.PlaceOrder request, @jakarta.ws.rs.core.Context UriInfo uri)
            throws InterruptedException {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ProblemException.invalidField("Idempotency-Key", "a checkout needs an Idempotency-Key header (1 to 255 characters)");
        }
        if (!shopper.isShopper()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "orders are placed by customers and guests");
        }
        Duration wait = PreferWait.parse(prefer, config.maxWait());
        Checkout.PlaceOrder placing = new Checkout.PlaceOrder(request.cartId(), request.paymentMethod(), idempotencyKey,
                shopper.caller());
        // watched before it is placed, so the status place() answers is current as far as the watch is concerned;
        // without Prefer: wait nothing waits, so nothing is watched (a null resource is not closed)
        try (OrderOutcomes.Watch watch = wait == null ? null : outcomes.watch(placing.orderId())) {
            Checkout.Placed placed = checkout.place(placing);
            Order order = placed.order();
            OrderHistory.OrderDetails details;
            if (wait != null && !OrderOutcomes.isOutcome(order.status())) {
                watch.awaitOutcome(wait);
                details = history.current(order.id());
            } else {
                details = history.details(order);
            }
            order = details.order();
            Response.ResponseBuilder answer = wait != null && OrderOutcomes.isOutcome(order.status())
                    ? Response.status(201).header("Preference-Applied", "wait=" + wait.toSeconds())
                    : Response.accepted();
            return answer.location(uri.getBaseUriBuilder().path("orders").path(order.id().toString()).build())
                    .entity(OrderResponse.of(details, placed.orderToken(), json)).tag(Versions.etag(order.version())).build();
        }
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listOrders", summary = "List orders",
            description = "Newest first, with cursor paging; filtered by status, placing time (from inclusive, to "
                    + "exclusive), customer and order number. A customer gets their own orders, admins and partners "
                    + "(ERP integration) every customer's.")
    @APIResponse(responseCode = "200", description = "A page of orders (summaries: no lines or timeline)")
    @APIResponse(responseCode = "400", description = "validation: an invalid filter or cursor")
    @APIResponse(responseCode = "403", description = "A customer named another customer")
    public Page<OrderResponse> list(@Valid @BeanParam OrderSearchParams search, @Valid @BeanParam PageParams page) {
        return history.list(search.toSearch(), shopper.caller(), page).map(OrderResponse::summary);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrder", summary = "Get an order with its timeline",
            description = "For its customer, the back office, or a guest sending the order's X-Order-Token.")
    @APIResponse(responseCode = "200", description = "The order, with its version as ETag",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown order, or not the caller's")
    public Response get(@Parameter(description = "The order's id") @PathParam("id") UUID id, @Parameter(in = ParameterIn.HEADER, description = "A guest's order token")
                        @HeaderParam(CallingShopper.ORDER_TOKEN) String orderToken) {
        OrderHistory.OrderDetails details = history.get(id, shopper.caller());
        return Response.ok(OrderResponse.of(details, null, json)).tag(Versions.etag(details.order().version())).build();
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retryOrderPayment", summary = "Pay again with another method",
            description = "After PAYMENT_FAILED, or instead of an ACTION_REQUIRED challenge, while the payment deadline lasts. "
                    + "With an Idempotency-Key a repeated request starts one attempt.")
    @APIResponse(responseCode = "202", description = "The new attempt is under way",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "payment-retry-not-allowed: the order is not waiting for a payment")
    public Response retryPayment(@Parameter(description = "The order's id") @PathParam("id") UUID id, @Parameter(description = IdempotencyInterceptor.KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @Parameter(in = ParameterIn.HEADER, description = "A guest's order token")
                                 @HeaderParam(CallingShopper.ORDER_TOKEN) String orderToken,
                                 @Valid @NotNull OrderRequests.PaymentRetry request) {
        Order order = payments.retry(id, request.paymentMethod(), idempotencyKey, shopper.caller());
        return Response.accepted(OrderResponse.of(history.details(order), null, json)).tag(Versions.etag(order.version())).build();
    }

    @POST
    @Path("/{id}/cancellation")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order before it ships",
            description = "By its customer, a guest with the order token, or an admin: stock is released, a live authorization "
                    + "voided and promotion usages released (through order-cancelled). Repeating it changes nothing.")
    @APIResponse(responseCode = "200", description = "The cancelled order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "order-not-cancellable: it has shipped; send it back with a return")
    public Response cancel(@Parameter(description = "The order's id") @PathParam("id") UUID id, @Parameter(in = ParameterIn.HEADER, description = "A guest's order token")
                           @HeaderParam(CallingShopper.ORDER_TOKEN) String orderToken) {
        Order order = cancellations.cancel(id, shopper.caller());
        return Response.ok(OrderResponse.of(history.details(order), null, json)).tag(Versions.etag(order.version())).build();
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reviewOrder", summary = "Decide on an order held for a payment review",
            description = "Fraud screening flagged the authorization: the order is CONFIRMED with onHold and does not ship "
                    + "until an admin approves. Rejecting cancels it (MERCHANT_REQUEST): the authorization is voided, the stock released.")
    @APIResponse(responseCode = "200", description = "The order after the decision",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "no-review-pending: the order is not on hold")
    public Response review(@Parameter(description = "The order's id") @PathParam("id") UUID id, @Valid @NotNull OrderRequests.ReviewDecision request) {
        Order order = reviews.decide(id, request.approved(), shopper.caller());
        return Response.ok(OrderResponse.of(history.details(order), null, json)).tag(Versions.etag(order.version())).build();
    }
}
