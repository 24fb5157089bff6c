package dev.commerce.platform.testing;

import dev.commerce.platform.local.FreePorts;

import dev.commerce.platform.local.PostgresServer;
import dev.commerce.platform.local.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a service's packaged application ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) as
 * a process of its own, wired to a test database, this JVM's Kafka cluster and the test signing key: for Failsafe
 * {@code *IT}s that need a second instance of a service or must kill one with SIGKILL.
 */
public final class PackagedService {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");

    private PackagedService() {
    }

    /** Starts the service built in {@code moduleDir} on a free port and waits until it is ready. */
    public static ServiceProcess start(String name, Path moduleDir, String database, Map<String, String> extraEnvironment) {
        return start(name, moduleDir, database, extraEnvironment, FreePorts.pick());
    }

    /** The same on {@code port}: for a test that starts a service again where its clients expect it. */
    public static ServiceProcess start(String name, Path moduleDir, String database, Map<String, String> extraEnvironment,
                                       int port) {
        PostgresServer postgres = PostgresServer.fromEnvironment();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyFile().toString());
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        env.putAll(extraEnvironment);
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        ServiceProcess process = ServiceProcess.start(name, jar, port, JVM_OPTIONS, env,
                moduleDir.resolve("target/it-logs").resolve(name + ".log").toAbsolutePath());
        try {
            process.awaitReady(Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; last log lines:\n" + String.join("\n", process.lastLogLines(30)), e);
        }
        return process;
    }

    private static synchronized Path publicKeyFile() {
        try {
            Path file = Files.createTempFile("commerce-test-jwt", ".pem");
            Files.writeString(file, TestTokens.publicKeyPem());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
