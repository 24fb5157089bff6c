package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.cart.application.ShippingAdministration;
import dev.commerce.cart.domain.RateBand;
import dev.commerce.cart.domain.ShippingMethod;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.security.Roles;
import dev.commerce.platform.web.validation.CurrencyCode;
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
import jakarta.ws.rs.QueryParam;
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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin API of shipping methods: per zone, rate bands by weight or order value per currency. Changes need If-Match. */
@Path("/shipping-methods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shipping")
@RolesAllowed(Roles.ADMIN)
public class ShippingMethodResource {

    private static final String DECIMAL = "^[0-9]+(\\.[0-9]+)?$";

    @Schema(name = "ShippingRateBand", description = "Carts measuring at least from and below upTo (no end when absent) pay price")
    public record Band(@Schema(examples = "EUR") @NotNull @CurrencyCode String currency,
                       @NotNull @Pattern(regexp = DECIMAL) @Schema(description = "Grams (WEIGHT) or goods value (ORDER_VALUE)", examples = "0") String from,
                       @Pattern(regexp = DECIMAL) @Schema(examples = "2000") String upTo,
                       @NotNull @Pattern(regexp = DECIMAL) @Schema(examples = "4.90") String price) {
    }

    @Schema(name = "ShippingMethodInput")
    public record MethodRequest(@NotNull UUID zoneId,
                                @NotBlank @Size(max = 100) @Schema(examples = "Standard") String name,
                                @NotNull ShippingMethod.Basis basis,
                                @NotEmpty @Size(max = 100) List<@Valid @NotNull Band> bands,
                                @Schema(description = "Free when the goods cost at least this, per currency")
                                List<@Valid @NotNull Money> freeAbove,
                                Boolean active) {
    }

    @Schema(name = "ShippingMethod")
    public record MethodResponse(UUID id, UUID zoneId, @Schema(examples = "Standard") String name, ShippingMethod.Basis basis, List<Band> bands,
                                 List<Money> freeAbove, boolean active, @Schema(examples = "2") long version) {
        static MethodResponse of(ShippingMethod method) {
            return new MethodResponse(method.id(), method.zoneId(), method.name(), method.basis(),
                    method.bands().stream().map(band -> new Band(band.currency(), band.from().toPlainString(),
                            band.upTo() == null ? null : band.upTo().toPlainString(),
                            Money.format(band.price(), band.currency()))).toList(),
                    method.freeAbove().entrySet().stream().map(e -> Money.of(e.getValue(), e.getKey())).toList(),
                    method.active(), method.version());
        }
    }

    private final ShippingAdministration shipping;
    private final HttpHeaders headers;

    public ShippingMethodResource(ShippingAdministration shipping, HttpHeaders headers) {
        this.shipping = shipping;
        this.headers = headers;
    }

    @GET
    @Operation(operationId = "listShippingMethods", summary = "List shipping methods")
    public List<MethodResponse> list(@Parameter(description = "Only this zone's methods") @QueryParam("zoneId") UUID zoneId) {
        return shipping.methods(zoneId).stream().map(MethodResponse::of).toList();
    }

    @POST
    @Operation(operationId = "createShippingMethod", summary = "Create a shipping method in a zone")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MethodResponse.class)))
    public Response create(@Valid @NotNull MethodRequest request, @Context UriInfo uri) {
        ShippingMethod method = shipping.createMethod(definition(request));
        return Response.created(uri.getAbsolutePathBuilder().path(method.id().toString()).build())
                .tag(Versions.etag(method.version())).entity(MethodResponse.of(method)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getShippingMethod", summary = "Get a shipping method")
    @APIResponse(responseCode = "200", description = "The shipping method, its version as ETag", content = @Content(schema = @Schema(implementation = MethodResponse.class)))
    public Response get(@Parameter(description = "The shipping method's id") @PathParam("id") UUID id) {
        ShippingMethod method = shipping.method(id);
        return Response.ok(MethodResponse.of(method)).tag(Versions.etag(method.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "changeShippingMethod", summary = "Change a shipping method (its zone stays)", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "The changed method, its new version as ETag", content = @Content(schema = @Schema(implementation = MethodResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response change(@Parameter(description = "The shipping method's id") @PathParam("id") UUID id, @Valid @NotNull MethodRequest request) {
        ShippingMethod method = shipping.changeMethod(id, version -> Versions.requireMatch(headers, version), definition(request));
        return Response.ok(MethodResponse.of(method)).tag(Versions.etag(method.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteShippingMethod", summary = "Delete a shipping method", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public void delete(@Parameter(description = "The shipping method's id") @PathParam("id") UUID id) {
        shipping.deleteMethod(id, version -> Versions.requireMatch(headers, version));
    }

    private static ShippingAdministration.MethodDefinition definition(MethodRequest request) {
        List<RateBand> bands = request.bands().stream().map(band -> new RateBand(band.currency(), new BigDecimal(band.from()),
                band.upTo() == null ? null : new BigDecimal(band.upTo()),
                Money.parse("bands.price", band.price(), band.currency()))).toList();
        Map<String, BigDecimal> freeAbove = new LinkedHashMap<>();
        for (Money threshold : request.freeAbove() == null ? List.<Money>of() : request.freeAbove()) {
            freeAbove.put(threshold.currency(), threshold.value("freeAbove.amount"));
        }
        return new ShippingAdministration.MethodDefinition(request.zoneId(), request.name(), request.basis(), bands,
                freeAbove, request.active() == null || request.active());
    }
}
