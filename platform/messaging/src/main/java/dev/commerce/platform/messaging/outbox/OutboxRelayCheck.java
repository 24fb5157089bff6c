package dev.commerce.platform.messaging.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The relay's state as a wellness check ({@code /q/health/well}), outside readiness: while Kafka is away the
 * service keeps taking requests and its events wait in the outbox.
 */
@Wellness
@ApplicationScoped
public class OutboxRelayCheck implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.State state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(!state.enabled() || state.lastError() == null)
                .withData("enabled", state.enabled());
        if (state.lastSuccess() != null) {
            response.withData("lastPublished", state.lastSuccess().toString());
        }
        if (state.lastError() != null) {
            response.withData("lastError", state.lastError());
        }
        return response.build();
    }
}
