package dev.commerce.payment.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.platform.web.security.Principals;
import dev.commerce.payment.application.Blocklist;
import dev.commerce.payment.domain.BlocklistEntry;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/fraud/blocklist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Fraud blocklist", description = "Customers, e-mail addresses, payment methods and countries refused outright")
public class BlocklistResource {

    private final Blocklist blocklist;
    private final SecurityIdentity identity;

    public BlocklistResource(Blocklist blocklist, SecurityIdentity identity) {
        this.blocklist = blocklist;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @Operation(operationId = "blockValue", summary = "Block a value", description = "Honours Idempotency-Key.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "201", description = "Blocked",
            content = @Content(schema = @Schema(implementation = BlocklistEntryResponse.class)))
    @APIResponse(responseCode = "409", description = "Already blocked")
    public Response add(@Valid @NotNull BlocklistEntryRequest request, @Context UriInfo uri) {
        BlocklistEntry entry = blocklist.add(request.kind(), request.value(), request.reason(),
                Principals.subjectOf(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(BlocklistEntryResponse.of(entry)).build();
    }

    @GET
    @Operation(operationId = "listBlockedValues", summary = "List blocked values", description = "Oldest first; cursor paging.")
    public Page<BlocklistEntryResponse> list(@Valid @BeanParam PageParams page) {
        return blocklist.list(page).map(BlocklistEntryResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBlocklistEntry", summary = "Get a blocklist entry")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "Unknown entry")
    public BlocklistEntryResponse get(@Parameter(description = "The entry's id") @PathParam("id") UUID id) {
        return BlocklistEntryResponse.of(blocklist.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "unblockValue", summary = "Unblock a value")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Unknown entry")
    public void remove(@Parameter(description = "The entry's id") @PathParam("id") UUID id) {
        blocklist.remove(id);
    }
}
