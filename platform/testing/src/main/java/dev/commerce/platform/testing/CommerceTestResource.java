package dev.commerce.platform.testing;

import dev.commerce.platform.local.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real infrastructure for a service's {@code @QuarkusTest}s: a fresh PostgreSQL database for this test run
 * (dropped afterwards), the JVM's Kafka broker, and the test signing key. Fails at once, saying how to provide one,
 * when PostgreSQL is unreachable.
 */
public class CommerceTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument {@code kafka=restartable}: the broker runs as a child process tests can stop and restart. */
    public static final String KAFKA_ARG = "kafka";

    private PostgresServer postgres;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        if ("restartable".equals(initArgs.get(KAFKA_ARG))) {
            TestKafka.useRestartableBroker();
        }
    }

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.fromEnvironment();
        postgres.requireReachable();
        database = "commerce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.ensureDatabase(database);

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("quarkus.http.test-port", "0");
        return config;
    }

    /** The database of this run, for tests that inspect it directly. */
    public String database() {
        return database;
    }

    @Override
    public void stop() {
        if (database != null) {
            postgres.dropDatabase(database);
        }
    }
}
