package dev.commerce.platform.testing;

import dev.commerce.platform.local.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Kafka cluster of this test JVM: the one {@code KAFKA_BOOTSTRAP_SERVERS} names, or else one real KRaft broker
 * started in this JVM on a free port at first use and stopped when the JVM exits.
 */
public final class TestKafka {

    private static String bootstrapServers;
    private static KafkaBrokerProcess brokerProcess;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers = external != null && !external.isBlank() ? external : startInProcessBroker();
        }
        return bootstrapServers;
    }

    /**
     * Makes this JVM's cluster a broker in a child process, which tests may stop and restart (for tests of broker
     * outages; call before the first {@link #bootstrapServers()}). Ignored when KAFKA_BOOTSTRAP_SERVERS names one.
     */
    public static synchronized KafkaBrokerProcess useRestartableBroker() {
        if (brokerProcess == null) {
            if (bootstrapServers != null) {
                throw new IllegalStateException("the in-process broker already runs; choose the restartable one first");
            }
            brokerProcess = KafkaBrokerProcess.start();
            Runtime.getRuntime().addShutdownHook(new Thread(brokerProcess::close, "test-broker-process-shutdown"));
            bootstrapServers = brokerProcess.bootstrapServers();
        }
        return brokerProcess;
    }

    /** The restartable broker, if {@link #useRestartableBroker()} chose one. */
    public static synchronized KafkaBrokerProcess restartableBroker() {
        if (brokerProcess == null) {
            throw new IllegalStateException("this test run uses the in-process broker; see useRestartableBroker()");
        }
        return brokerProcess;
    }

    private static String startInProcessBroker() {
        try {
            Path dataDir = Files.createTempDirectory("commerce-test-kafka");
            KafkaBroker broker = KafkaBroker.start(dataDir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                deleteQuietly(dataDir);
            }, "test-kafka-shutdown"));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
