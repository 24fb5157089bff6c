package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.cart.application.ShippingAdministration;
import dev.commerce.cart.domain.ShippingZone;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Admin API of shipping zones (sets of destination countries). Changes need If-Match. */
@Path("/shipping-zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping", description = "Shipping zones and their methods with rate bands")
@RolesAllowed(Roles.ADMIN)
public class ShippingZoneResource {

    @Schema(name = "ShippingZoneInput")
    public record ZoneRequest(@NotBlank @Size(max = 100) @Schema(examples = "EU") String name,
                              @NotEmpty @Size(max = 250) @Schema(description = "ISO 3166-1 alpha-2 codes", examples = "[\"DE\",\"AT\"]")
                              List<@NotNull @Pattern(regexp = "[A-Z]{2}") String> countries) {
    }

    @Schema(name = "ShippingZone")
    public record ZoneResponse(UUID id, @Schema(examples = "EU") String name, @Schema(examples = "[\"DE\",\"AT\",\"FR\"]") List<String> countries, @Schema(examples = "1") long version) {
        static ZoneResponse of(ShippingZone zone) {
            return new ZoneResponse(zone.id(), zone.name(), zone.countries(), zone.version());
        }
    }

    private final ShippingAdministration shipping;
    private final HttpHeaders headers;

    public ShippingZoneResource(ShippingAdministration shipping, HttpHeaders headers) {
        this.shipping = shipping;
        this.headers = headers;
    }

    @GET
    @Operation(operationId = "listShippingZones", summary = "List shipping zones")
    public List<ZoneResponse> list() {
        return shipping.zones().stream().map(ZoneResponse::of).toList();
    }

    @POST
    @Operation(operationId = "createShippingZone", summary = "Create a shipping zone")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ZoneResponse.class)))
    public Response create(@Valid @NotNull ZoneRequest request, @Context UriInfo uri) {
        ShippingZone zone = shipping.createZone(request.name(), request.countries());
        return Response.created(uri.getAbsolutePathBuilder().path(zone.id().toString()).build())
                .tag(Versions.etag(zone.version())).entity(ZoneResponse.of(zone)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getShippingZone", summary = "Get a shipping zone")
    @APIResponse(responseCode = "200", description = "The zone, its version as ETag", content = @Content(schema = @Schema(implementation = ZoneResponse.class)))
    public Response get(@Parameter(description = "The zone's id") @PathParam("id") UUID id) {
        ShippingZone zone = shipping.zone(id);
        return Response.ok(ZoneResponse.of(zone)).tag(Versions.etag(zone.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "changeShippingZone", summary = "Change a zone's name or countries", description = "Needs If-Match.")
    @APIResponse(responseCode = "428", description = "No If-Match")
    @APIResponse(responseCode = "200", description = "The changed zone, its new version as ETag", content = @Content(schema = @Schema(implementation = ZoneResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response change(@Parameter(description = "The zone's id") @PathParam("id") UUID id, @Valid @NotNull ZoneRequest request) {
        ShippingZone zone = shipping.changeZone(id, version -> Versions.requireMatch(headers, version), request.name(),
                request.countries());
        return Response.ok(ZoneResponse.of(zone)).tag(Versions.etag(zone.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteShippingZone", summary = "Delete a zone without methods", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "zone-in-use")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public void delete(@Parameter(description = "The zone's id") @PathParam("id") UUID id) {
        shipping.deleteZone(id, version -> Versions.requireMatch(headers, version));
    }
}
