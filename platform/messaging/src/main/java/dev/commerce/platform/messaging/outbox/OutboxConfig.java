package dev.commerce.platform.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

@ConfigMapping(prefix = "commerce.outbox")
public interface OutboxConfig {

    /** Whether this instance publishes; off only for tests that must hold events back. */
    @WithName("relay.enabled")
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** The fallback poll when no commit woke the relay (another instance's commits, a missed wake-up). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /**
     * Shortest time between the starts of two passes while events keep coming (a pass published several, or commits
     * arrived while it ran): one pass then publishes what several commits recorded, at the cost of at most this much
     * latency per event. An event alone goes out at once. 0 turns spacing off.
     */
    @WithDefault("PT0.02S")
    Duration minPassSpacing();

    /**
     * Rows the relay deletes between two vacuums of the outbox it runs itself (0: leave it to autovacuum). Keeps the
     * relay's reads and deletes from slowing down where autovacuum is off or behind.
     */
    @WithDefault("5000")
    int vacuumAfter();

    /** Longest pause between attempts while Kafka is unreachable (the pause doubles up to this). */
    @WithDefault("PT15S")
    Duration maxBackoff();
}
