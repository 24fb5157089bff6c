package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.cart.application.TaxAdministration;
import dev.commerce.cart.domain.TaxRate;
import dev.commerce.cart.domain.TaxSetting;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;
import java.util.UUID;

/** Admin API of tax rates per country and tax category. Updates need If-Match. */
@Path("/tax-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tax", description = "Tax rates per country and tax category; gross or net prices per currency")
@RolesAllowed(Roles.ADMIN)
public class TaxRateResource {

    @Schema(name = "TaxRateInput")
    public record TaxRateRequest(
            @NotNull @Pattern(regexp = "[A-Z]{2}") @Schema(description = "ISO 3166-1 alpha-2 destination country", examples = "DE") String country,
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") @Schema(description = "The catalog's taxCategory", examples = "standard") String taxCategory,
            @NotBlank @Size(max = 100) @Schema(description = "Shown to shoppers in the tax breakdown", examples = "VAT 19%") String name,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(description = "Rate in percent", examples = "19") BigDecimal ratePercent) {
    }

    @Schema(name = "TaxRateChange")
    public record TaxRateChange(@Schema(examples = "VAT 19%") @NotBlank @Size(max = 100) String name,
                                @Schema(examples = "19") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal ratePercent) {
    }

    @Schema(name = "TaxRate")
    public record TaxRateResponse(UUID id, @Schema(examples = "DE") String country, @Schema(examples = "standard") String taxCategory, @Schema(examples = "VAT 19%") String name, @Schema(examples = "19") BigDecimal ratePercent, @Schema(examples = "1") long version) {
        static TaxRateResponse of(TaxRate rate) {
            return new TaxRateResponse(rate.id(), rate.country(), rate.taxCategory(), rate.name(),
                    rate.ratePercent().stripTrailingZeros(), rate.version());
        }
    }

    private final TaxAdministration taxes;
    private final HttpHeaders headers;

    public TaxRateResource(TaxAdministration taxes, HttpHeaders headers) {
        this.taxes = taxes;
        this.headers = headers;
    }

    @GET
        @Operation(operationId = "listTaxRates", summary = "List tax rates")
    public List<TaxRateResponse> list(@Parameter(description = "Only this country's rates (ISO alpha-2)")
                                      @QueryParam("country") String country) {
        return taxes.list(country).stream().map(TaxRateResponse::of).toList();
    }

    @POST
        @Operation(operationId = "createTaxRate", summary = "Add a tax rate", description = "One rate per country and tax category.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TaxRateResponse.class)))
    @APIResponse(responseCode = "409", description = "tax-rate-exists")
    public Response create(@Valid @NotNull TaxRateRequest request, @Context UriInfo uri) {
        TaxRate rate = taxes.create(request.country(), request.taxCategory(), request.name(), request.ratePercent());
        return Response.created(uri.getAbsolutePathBuilder().path(rate.id().toString()).build())
                .tag(Versions.etag(rate.version())).entity(TaxRateResponse.of(rate)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTaxRate", summary = "Get a tax rate")
    @APIResponse(responseCode = "200", description = "The tax rate, its version as ETag", content = @Content(schema = @Schema(implementation = TaxRateResponse.class)))
    public Response get(@Parameter(description = "The tax rate's id") @PathParam("id") UUID id) {
        TaxRate rate = taxes.find(id);
        return Response.ok(TaxRateResponse.of(rate)).tag(Versions.etag(rate.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "changeTaxRate", summary = "Change a tax rate's name or percentage", description = "Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = TaxRateResponse.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response change(@Parameter(description = "The tax rate's id") @PathParam("id") UUID id, @Valid @NotNull TaxRateChange request) {
        TaxRate rate = taxes.change(id, version -> Versions.requireMatch(headers, version), request.name(), request.ratePercent());
        return Response.ok(TaxRateResponse.of(rate)).tag(Versions.etag(rate.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteTaxRate", summary = "Delete a tax rate", description = "Needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public void delete(@Parameter(description = "The tax rate's id") @PathParam("id") UUID id) {
        taxes.delete(id, version -> Versions.requireMatch(headers, version));
    }

}
