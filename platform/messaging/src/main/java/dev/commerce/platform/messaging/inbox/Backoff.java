package dev.commerce.platform.messaging.inbox;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Pauses of consumer loops between attempts: short slices, so a stopping service is never kept waiting. */
final class Backoff {

    private static final long SLICE_MILLIS = 50;

    private Backoff() {
    }

    /** Waits {@code duration} unless {@code running} turns false first; false when it did (or on interruption). */
    static boolean pause(Duration duration, BooleanSupplier running) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (running.getAsBoolean()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Math.min(SLICE_MILLIS, Math.max(1, left / 1_000_000))); // a bounded back-off slice
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next pause: doubled, at most {@code max}. */
    static Duration next(Duration pause, Duration max) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
