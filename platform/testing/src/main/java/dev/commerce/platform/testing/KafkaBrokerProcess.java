package dev.commerce.platform.testing;

import dev.commerce.platform.local.FreePorts;

import dev.commerce.platform.local.KafkaBrokerMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A real KRaft broker in a child JVM that a test can stop and start again on the same port and data directory
 * (a broker outage), unlike the in-process broker of {@link TestKafka}.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static KafkaBrokerProcess start() {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("commerce-test-broker"), FreePorts.pick());
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) on its port and data directory, and waits until it listens. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    KafkaBrokerMain.class.getName(), dataDir.toString(), Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker process", e);
        }
        Awaitility.await("broker listening on " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(this::listening);
    }

    /** Stops the broker as an outage would (SIGTERM, then SIGKILL); its data stays for {@link #startAgain()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Awaitility.await("broker stopped").atMost(Duration.ofSeconds(30)).until(() -> !listening());
    }

    @Override
    public void close() {
        stop();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
