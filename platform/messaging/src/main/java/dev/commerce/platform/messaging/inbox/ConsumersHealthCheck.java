package dev.commerce.platform.messaging.inbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether every consumer loop of this instance runs ({@code /q/health/well}, outside readiness like Kafka itself):
 * down while a loop is between a crash and its restart; a loop waiting out a database or broker outage is up, with
 * its state and last error in the data.
 */
@Wellness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    private final InboxConsumers consumers;

    public ConsumersHealthCheck(InboxConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").up();
        for (ConsumerStatus.Snapshot status : consumers.statuses()) {
            response.withData(status.consumer(), status.state() + (status.restarts() > 0 ? ", restarts " + status.restarts() : "")
                    + (status.lastError() != null && status.state() != ConsumerStatus.State.RUNNING ? ": " + status.lastError() : ""));
            if (!status.loopAlive()) {
                response.down();
            }
        }
        return response.build();
    }
}
