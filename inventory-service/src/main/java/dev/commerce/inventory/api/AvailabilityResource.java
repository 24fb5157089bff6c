package dev.commerce.inventory.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.inventory.application.StockLevels;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Path("/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "What storefronts show: available units and status over active warehouses")
public class AvailabilityResource {

    static final int MAX_SKUS = 100;

    private final StockLevels stock;

    public AvailabilityResource(StockLevels stock) {
        this.stock = stock;
    }

    @GET
    @Path("/{sku}")
    @PermitAll
    @Operation(operationId = "getAvailability", summary = "Availability of one SKU")
    @APIResponse(responseCode = "200", description = "Available units and status")
    @APIResponse(responseCode = "404", description = "This inventory does not stock the SKU")
    public StockResponses.Availability one(@Parameter(description = "The SKU", example = "SKU-TEE-RED-M") @PathParam("sku") @Pattern(regexp = StockResource.SKU) String sku) {
        StockLevels.Availability availability = stock.availability(List.of(sku)).get(sku);
        if (availability == null) {
            throw ProblemException.notFound("SKU", sku);
        }
        return StockResponses.Availability.of(availability);
    }

    @GET
    @PermitAll
    @Operation(operationId = "listAvailability", summary = "Availability of up to 100 SKUs", description = "?sku=A&sku=B... in one call.")
    public StockResponses.AvailabilityList batch(@Parameter(description = "The SKUs, repeated (?sku=A&sku=B), 1 to 100") @QueryParam("sku") List<String> skus) {
        Set<String> asked = new LinkedHashSet<>(skus == null ? List.of() : skus);
        if (asked.isEmpty() || asked.size() > MAX_SKUS) {
            throw ProblemException.invalidField("sku", "give 1 to " + MAX_SKUS + " SKUs");
        }
        asked.stream().filter(sku -> !sku.matches(StockResource.SKU)).findFirst().ifPresent(sku -> {
            throw ProblemException.invalidField("sku", "'" + sku + "' is not a SKU");
        });
        Map<String, StockLevels.Availability> found = stock.availability(asked);
        return new StockResponses.AvailabilityList(found.values().stream().map(StockResponses.Availability::of).toList(),
                asked.stream().filter(sku -> !found.containsKey(sku)).toList());
    }
}
