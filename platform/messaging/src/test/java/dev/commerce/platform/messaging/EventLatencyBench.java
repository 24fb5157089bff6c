package dev.commerce.platform.messaging;

import dev.commerce.platform.testing.CommerceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark, not a test (Surefire does not pick up *Bench): from the commit of a state change with its event to the
 * consumer's effect, on the happy path, through the outbox, the relay, a real broker and the inbox.
 * Run: bench/event-latency/run.sh (report: bench/event-latency/REPORT.md).
 */
@QuarkusTest
@QuarkusTestResource(value = CommerceTestResource.class, restrictToAnnotatedClass = true) // not the tests' resource
class EventLatencyBench {

    private static final int WARM_UP = Integer.getInteger("bench.warmup", 200);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);

    @Inject
    LedgerChanges changes;

    @Test
    void commit_to_consumer_effect_latency() {
        measure("warm-up", WARM_UP);
        List<Double> millis = measure("measured", SAMPLES);
        Collections.sort(millis);
        System.out.printf("%nEVENT LATENCY commit -> consumer effect, %d samples: median %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n%n", millis.size(), percentile(millis, 50), percentile(millis, 90),
                percentile(millis, 99), millis.get(millis.size() - 1));
    }

    /** One change at a time, so each sample is the latency of an otherwise idle pipeline. */
    private List<Double> measure(String phase, int count) {
        String ledger = phase + "-" + UUID.randomUUID();
        List<Double> millis = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int changeNo = changes.change(ledger); // returns after the commit
            long committedAt = System.nanoTime();
            String key = ledger + "#" + changeNo;
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofNanos(200_000)).pollDelay(Duration.ZERO)
                    .until(() -> LedgerConsumer.APPLIED_AT.containsKey(key));
            millis.add((LedgerConsumer.APPLIED_AT.get(key) - committedAt) / 1_000_000.0);
        }
        return millis;
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
