package dev.commerce.order.api;

import dev.commerce.platform.web.security.Principals;
import dev.commerce.order.application.OrderHistory;
import dev.commerce.order.domain.Order;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.Problem;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

import java.util.UUID;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Order history: customers see their own orders, admins all")
public class OrderResource {

    private final OrderHistory history;
    private final SecurityIdentity identity;

    public OrderResource(OrderHistory history, SecurityIdentity identity) {
        this.history = history;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Operation(summary = "List orders", description = "Newest first; a customer gets their own, an admin every order.")
    public Page<OrderResponse> list(@Valid @BeanParam PageParams page) {
        return history.list(customerScope(), page).map(OrderResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
    @Operation(summary = "Get an order")
    @APIResponse(responseCode = "200", description = "The order, with its version as ETag",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown order, or another customer's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Order order = history.get(id, customerScope());
        return Response.ok(OrderResponse.of(order)).tag(Versions.etag(order.version())).build();
    }

    /** The customer whose orders the caller may see, or null for an admin (every order). */
    private String customerScope() {
        return identity.hasRole(Roles.ADMIN) ? null : Principals.subjectOf(identity);
    }
}
