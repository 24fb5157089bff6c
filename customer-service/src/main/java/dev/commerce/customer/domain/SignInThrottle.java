package dev.commerce.customer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many failed sign-ins one subject (an account's e-mail address, or a client address) may have within a sliding
 * window before further attempts are refused, and for how long.
 */
public record SignInThrottle(int maxFailures, Duration window) {

    public SignInThrottle {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a throttle needs at least one failure and a positive window");
        }
    }

    /** The start of the window that counts at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * How long the subject must wait, given its failures within the window (oldest first); empty when it may try.
     * It may try again once enough of them have left the window to be under the limit.
     */
    public Optional<Duration> retryAfter(List<Instant> failuresInWindow, Instant now) {
        int count = failuresInWindow.size();
        if (count < maxFailures) {
            return Optional.empty();
        }
        Instant freed = failuresInWindow.get(count - maxFailures).plus(window);
        Duration wait = Duration.between(now, freed);
        return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
    }
}
