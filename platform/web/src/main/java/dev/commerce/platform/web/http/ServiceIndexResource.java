package dev.commerce.platform.web.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;

/** The root of every service: what it is and where its documentation and health endpoints are. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service")
public class ServiceIndexResource {

    /** The service's name, version and links to its documentation and health. */
    public record ServiceIndex(String service, String title, String version, Map<String, String> links) {
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
    @Operation(summary = "Describe this service")
    public ServiceIndex index() {
        return index;
    }
}
