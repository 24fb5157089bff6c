package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Admin API of tax settings: per currency, whether catalog prices include tax. Changes need If-Match. */
@Path("/tax-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tax")
@RolesAllowed(Roles.ADMIN)
public class TaxSettingResource {

    @Schema(name = "TaxSetting")
    public record TaxSettingRequest(
            @NotNull @Schema(description = "True: catalog prices include tax (EU style); false: tax is added on top (US style)")
            Boolean pricesIncludeTax) {
    }

    @Schema(name = "TaxSettingOfCurrency")
    public record TaxSettingResponse(@Schema(examples = "EUR") String currency, boolean pricesIncludeTax, @Schema(examples = "1") long version) {
        static TaxSettingResponse of(TaxSetting setting) {
            return new TaxSettingResponse(setting.currency(), setting.pricesIncludeTax(), setting.version());
        }
    }

    private final TaxAdministration taxes;
    private final HttpHeaders headers;

    public TaxSettingResource(TaxAdministration taxes, HttpHeaders headers) {
        this.taxes = taxes;
        this.headers = headers;
    }

    @GET
    @Path("/{currency}")
    @Operation(operationId = "getTaxSetting", summary = "Whether a currency's prices include tax")
    @APIResponse(responseCode = "404", description = "No setting: the deployment default applies")
    @APIResponse(responseCode = "200", description = "The setting, its version as ETag", content = @Content(schema = @Schema(implementation = TaxSettingResponse.class)))
    public Response setting(@Parameter(description = "ISO 4217 code") @PathParam("currency") @CurrencyCode String currency) {
        TaxSetting setting = taxes.setting(currency).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                currency + " has no tax setting: the deployment default (commerce.cart.prices-include-tax) applies"));
        return Response.ok(TaxSettingResponse.of(setting)).tag(Versions.etag(setting.version())).build();
    }

    @PUT
    @Path("/{currency}")
    @Operation(operationId = "putTaxSetting", summary = "Set whether a currency's prices include tax",
            description = "Creating takes no If-Match (or If-None-Match: *); changing needs If-Match.")
    @APIResponse(responseCode = "200", description = "The setting, its new version as ETag", content = @Content(schema = @Schema(implementation = TaxSettingResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response putSetting(@Parameter(description = "ISO 4217 code") @PathParam("currency") @CurrencyCode String currency, @Valid @NotNull TaxSettingRequest request) {
        TaxSetting setting = taxes.putSetting(currency, version -> Versions.requireMatch(headers, version), Versions.NEW,
                request.pricesIncludeTax());
        return Response.ok(TaxSettingResponse.of(setting)).tag(Versions.etag(setting.version())).build();
    }
}
