package dev.commerce.platform.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one consumer loop is doing, for {@code /q/health/well} and the metrics: running, waiting for the database or
 * broker (still alive), or down between a crash of its loop and the restart.
 */
public final class ConsumerStatus {

    public enum State { STARTING, RUNNING, WAITING_FOR_INFRASTRUCTURE, DOWN, STOPPED }

    public record Snapshot(String consumer, State state, long restarts, String lastError, Instant since) {
        public boolean loopAlive() {
            return state != State.DOWN;
        }
    }

    private final String consumer;
    private final AtomicReference<Snapshot> current;
    private final AtomicLong lag = new AtomicLong();
    private final Counter restarts;
    private final Counter deadLettered;

    ConsumerStatus(String consumer, MeterRegistry registry) {
        this.consumer = consumer;
        this.current = new AtomicReference<>(new Snapshot(consumer, State.STARTING, 0, null, Instant.now()));
        Gauge.builder("commerce.consumer.lag", lag, AtomicLong::get).tag("consumer", consumer)
                .description("Records behind the end of the consumer's partitions (max over partitions)").register(registry);
        Gauge.builder("commerce.consumer.up", current, s -> s.get().loopAlive() ? 1 : 0).tag("consumer", consumer)
                .description("1 while the consumer's loop runs (waiting out an outage included), 0 while it is down")
                .register(registry);
        restarts = Counter.builder("commerce.consumer.restarts").tag("consumer", consumer)
                .description("Times the consumer's loop died and was restarted").register(registry);
        deadLettered = Counter.builder("commerce.consumer.dead.letters").tag("consumer", consumer)
                .description("Events sent to the dead-letter topic").register(registry);
    }

    public Snapshot snapshot() {
        return current.get();
    }

    void lag(long records) {
        lag.set(records);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void running() {
        move(State.RUNNING, null);
    }

    void waiting(String error) {
        move(State.WAITING_FOR_INFRASTRUCTURE, error);
    }

    void down(Throwable failure) {
        restarts.increment();
        Snapshot before = current.get();
        current.set(new Snapshot(consumer, State.DOWN, before.restarts() + 1,
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), Instant.now()));
    }

    void stopped() {
        move(State.STOPPED, null);
    }

    private void move(State state, String error) {
        Snapshot before = current.get();
        if (before.state() != state || error != null) {
            current.set(new Snapshot(consumer, state, before.restarts(), error == null ? before.lastError() : error,
                    before.state() == state ? before.since() : Instant.now()));
        }
    }
}
