package dev.commerce.platform.messaging.outbox;

import java.time.Duration;

/**
 * When the relay's next pass may start. While events keep coming (the last pass published several, or commits
 * arrived while it ran), passes start at least {@code commerce.outbox.min-pass-spacing} apart, so one pass publishes
 * what several commits recorded: fewer transactions and produce requests, larger batches for the consumers. While
 * they trickle in (one per pass, none meanwhile) each goes out at once, so an idle pipeline keeps its latency.
 */
final class PassSpacing {

    private final long minSpacingNanos;

    PassSpacing(Duration minSpacing) {
        this.minSpacingNanos = minSpacing.toNanos();
    }

    /**
     * How long to pause before the next pass, in nanoseconds (0: start it at once).
     *
     * @param passStarted         when the last pass started ({@link System#nanoTime()})
     * @param published           how many events it published
     * @param committedDuringPass whether a commit woke the relay while the pass ran
     * @param now                 {@link System#nanoTime()} now
     */
    long pauseBeforeNextPass(long passStarted, int published, boolean committedDuringPass, long now) {
        boolean busy = published > 1 || published == 1 && committedDuringPass;
        return busy ? Math.max(0, passStarted + minSpacingNanos - now) : 0;
    }
}
