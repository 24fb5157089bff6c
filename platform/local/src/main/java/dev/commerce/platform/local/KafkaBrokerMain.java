package dev.commerce.platform.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link KafkaBroker} as a process of its own, so a test can stop it (SIGTERM or SIGKILL) and start it again
 * on the same port and data directory. Prints {@code READY <bootstrap servers>} once it listens.
 *
 * <p>Usage: {@code java -cp <classpath> dev.commerce.platform.local.KafkaBrokerMain DATA_DIR PORT}
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("READY " + broker.bootstrapServers());
        stopped.await();
    }
}
