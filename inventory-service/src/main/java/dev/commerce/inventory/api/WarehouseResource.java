package dev.commerce.inventory.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.inventory.application.Warehouses;
import dev.commerce.inventory.domain.Warehouse;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/warehouses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Warehouses", description = "Where stock is held; allocation follows their priority")
public class WarehouseResource {

    private final Warehouses warehouses;

    public WarehouseResource(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(operationId = "createWarehouse", summary = "Create a warehouse", description = "Honours Idempotency-Key.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = WarehouseResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Code taken, or Idempotency-Key in flight")
    public Response create(@Valid @NotNull WarehouseRequest request, @Context UriInfo uri) {
        if (request.code() == null) {
            throw ProblemException.invalidField("code", "is required when creating a warehouse");
        }
        Warehouse warehouse = warehouses.create(request.code(), request.details());
        return Response.created(uri.getAbsolutePathBuilder().path(warehouse.id().toString()).build())
                .tag(Versions.etag(warehouse.version()))
                .entity(WarehouseResponse.of(warehouse)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listWarehouses", summary = "List warehouses", description = "Ordered by code; cursor paging.")
    public Page<WarehouseResponse> list(@Valid @BeanParam PageParams page) {
        return warehouses.list(page).map(WarehouseResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getWarehouse", summary = "Get a warehouse")
    @APIResponse(responseCode = "200", description = "The warehouse, with its version as ETag",
            content = @Content(schema = @Schema(implementation = WarehouseResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown warehouse")
    public Response get(@Parameter(description = "The warehouse's id") @PathParam("id") UUID id) {
        Warehouse warehouse = warehouses.get(id);
        return Response.ok(WarehouseResponse.of(warehouse)).tag(Versions.etag(warehouse.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeWarehouse", summary = "Change a warehouse", description = "Send If-Match with the ETag you read. The code cannot change.")
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(schema = @Schema(implementation = WarehouseResponse.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response change(@Parameter(description = "The warehouse's id") @PathParam("id") UUID id, @Valid @NotNull WarehouseRequest request,
                           @Parameter(hidden = true) @Context HttpHeaders headers) {
        Warehouse warehouse = warehouses.change(id, request.details(), version -> Versions.requireMatch(headers, version));
        return Response.ok(WarehouseResponse.of(warehouse)).tag(Versions.etag(warehouse.version())).build();
    }
}
