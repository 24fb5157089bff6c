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
    /**
     * Init argument {@code database=proxied}: the service reaches its database through a {@link TcpProxy} that
     * tests cut ({@link TestDatabase#proxy()}); {@link TestDatabase#connect()} still goes straight to the server.
     */
    public static final String DATABASE_ARG = "database";
    /** The database's own URL, for the test's direct connections. */
    static final String DIRECT_JDBC_URL = "commerce.test.direct-jdbc-url";

    private boolean proxied;

    private PostgresServer postgres;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        if ("restartable".equals(initArgs.get(KAFKA_ARG))) {
            TestKafka.useRestartableBroker();
        }
        proxied = "proxied".equals(initArgs.get(DATABASE_ARG));
    }

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.fromEnvironment();
        postgres.requireReachable();
        database = "commerce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.ensureDatabase(database);

        Map<String, String> config = new HashMap<>();
        config.put(DIRECT_JDBC_URL, postgres.jdbcUrl(database));
        if (proxied) {
            TcpProxy proxy = TestDatabase.startProxy(postgres.host(), postgres.port());
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database);
        } else {
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        }
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        // customer-service signs customers' tokens with the same key pair (the other services ignore this)
        config.put("commerce.customer.signing.key", TestTokens.privateKeyPem());
        config.put("quarkus.http.test-port", "0");
        return config;
    }

    /** The database of this run, for tests that inspect it directly. */
    public String database() {
        return database;
    }

    @Override
    public void stop() {
        TestDatabase.stopProxy();
        if (database != null) {
            postgres.dropDatabase(database);
        }
    }
}
