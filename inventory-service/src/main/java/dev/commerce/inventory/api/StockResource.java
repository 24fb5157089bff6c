package dev.commerce.inventory.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.inventory.application.StockLevels;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/stock/{sku}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Stock per SKU per warehouse and its ledger")
public class StockResource {

    /** SKUs: letters, digits, '.', '_' and '-', up to 64 characters. */
    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final StockLevels stock;
    private final SecurityIdentity identity;

    public StockResource(StockLevels stock, SecurityIdentity identity) {
        this.stock = stock;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getStockLevel", summary = "Stock level of a SKU", description = "Totals over active warehouses and stock per warehouse.")
    @APIResponse(responseCode = "200", description = "Totals and stock per warehouse")
    @APIResponse(responseCode = "404", description = "No stock record for this SKU")
    public StockResponses.Level level(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku) {
        return StockResponses.Level.of(stock.level(sku));
    }

    @PUT
    @Path("/warehouses/{warehouseId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setOnHandStock", summary = "Set on-hand stock", description = "Absolute count with a reason; If-Match with the item's ETag "
            + "guards against a concurrent change.")
    @APIResponse(responseCode = "200", description = "The stock item, its version as ETag", content = @Content(schema = @Schema(implementation = StockResponses.Item.class)))
    @APIResponse(responseCode = "409", description = "Would go below the reserved units")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public Response setOnHand(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku, @Parameter(description = "The warehouse's id") @PathParam("warehouseId") UUID warehouseId,
                              @Valid @NotNull StockRequests.SetOnHand request,
                              @Parameter(hidden = true) @Context HttpHeaders headers) {
        return item(stock.setOnHand(sku, warehouseId, request.onHand(), request.reason(), admin(),
                version -> Versions.requireMatch(headers, version)));
    }

    @POST
    @Path("/warehouses/{warehouseId}/adjustments")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "adjustStock", summary = "Adjust on-hand stock by a delta", description = "Honours Idempotency-Key, so a retry never counts twice.")
    @APIResponse(responseCode = "200", description = "The stock item, its version as ETag", content = @Content(schema = @Schema(implementation = StockResponses.Item.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response adjust(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku, @Parameter(description = "The warehouse's id") @PathParam("warehouseId") UUID warehouseId,
                           @Valid @NotNull StockRequests.Adjust request) {
        return item(stock.adjust(sku, warehouseId, request.delta(), request.reason(), admin()));
    }

    @POST
    @Path("/warehouses/{warehouseId}/receipts")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "receiveStock", summary = "Record received goods", description = "Honours Idempotency-Key, so a retry never counts twice.")
    @APIResponse(responseCode = "200", description = "The stock item, its version as ETag", content = @Content(schema = @Schema(implementation = StockResponses.Item.class)))
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response receive(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku, @Parameter(description = "The warehouse's id") @PathParam("warehouseId") UUID warehouseId,
                            @Valid @NotNull StockRequests.Receive request) {
        return item(stock.receive(sku, warehouseId, request.quantity(), request.reference(), admin()));
    }

    @PUT
    @Path("/policy")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setStockPolicy", summary = "Set the SKU's low-stock threshold and backorder policy")
    @APIResponse(responseCode = "200", description = "The policy, its version as ETag",
            content = @Content(schema = @Schema(implementation = StockResponses.Policy.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response setPolicy(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku, @Valid @NotNull StockRequests.Policy request,
                              @Parameter(hidden = true) @Context HttpHeaders headers) {
        var policy = stock.setPolicy(sku, request.lowStockThreshold(), request.backorderable(), request.expectedRestockDate(),
                version -> Versions.requireMatch(headers, version));
        return Response.ok(StockResponses.Policy.of(policy)).tag(Versions.etag(policy.version())).build();
    }

    @GET
    @Path("/movements")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listStockMovements", summary = "The SKU's ledger", description = "Every movement, oldest first; cursor paging.")
    public Page<StockResponses.Movement> movements(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = SKU) String sku,
                                                   @Valid @BeanParam PageParams page) {
        return stock.movements(sku, page).map(StockResponses.Movement::of);
    }

    private Response item(StockItem item) {
        return Response.ok(StockResponses.Item.of(item)).tag(Versions.etag(item.version())).build();
    }

    private String admin() {
        return Principals.subjectOf(identity);
    }
}
