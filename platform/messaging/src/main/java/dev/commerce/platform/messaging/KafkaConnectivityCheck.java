package dev.commerce.platform.messaging;

import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers. A wellness check ({@code /q/health/well}), deliberately outside readiness:
 * a broker outage must not take the API out of rotation, since events wait in the outbox.
 */
@Wellness
@ApplicationScoped
public class KafkaConnectivityCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 2_000;

    private final KafkaClients kafka;
    private Admin admin;

    public KafkaConnectivityCheck(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        String servers = kafka.bootstrapServers();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").up()
                    .withData("bootstrap.servers", servers).withData("nodes", nodes).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("kafka").down()
                    .withData("bootstrap.servers", servers).withData("error", e.getClass().getSimpleName()).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin("health-check", TIMEOUT_MS);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
