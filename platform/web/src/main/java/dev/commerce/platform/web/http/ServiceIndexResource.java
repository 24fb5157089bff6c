package dev.commerce.platform.web.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.commerce.platform.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;

/** The root of every service: what it is and where its documentation and health endpoints are. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service")
public class ServiceIndexResource {

    /** The service's name, version and links to its documentation and health. */
    @Schema(name = "ServiceIndex")
    public record ServiceIndex(
            @Schema(examples = "catalog-service") String service,
            @Schema(examples = "Catalog API") String title,
            @Schema(examples = "0.1.0") String version,
            @Schema(description = "Documentation and health endpoints by name",
                    examples = "{\"openapi\":\"/q/openapi\",\"swaggerUi\":\"/q/swagger-ui\",\"ready\":\"/q/health/ready\"}")
            Map<String, String> links) {
    }

    private final ServiceIndex index;

    public ServiceIndexResource(@ConfigProperty(name = "quarkus.application.name") String service,
                                @ConfigProperty(name = "quarkus.smallrye-openapi.info-title") Optional<String> title,
                                @ConfigProperty(name = "quarkus.smallrye-openapi.info-version") Optional<String> version) {
        this.index = new ServiceIndex(service, title.orElse(service), version.orElse(null), Map.of(
                "openapi", "/q/openapi", "swaggerUi", "/q/swagger-ui", "ready", "/q/health/ready",
                "live", "/q/health/live", "metrics", "/q/metrics"));
    }

    @GET
    @PermitAll
    @Operation(operationId = "describeService", summary = "Describe this service")
    // the one reference to Problem every document has, so the platform's filter can point each error response at it
    @APIResponse(responseCode = "200", description = "The service's name, version and links")
    @APIResponse(responseCode = "500", description = "Unexpected failure",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServiceIndex index() {
        return index;
    }
}
