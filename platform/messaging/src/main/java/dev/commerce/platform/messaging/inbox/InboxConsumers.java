package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.KafkaClients;
import dev.commerce.platform.messaging.topics.TopicProvisioner;
import dev.commerce.platform.messaging.topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts one supervised thread per {@link EventConsumer} bean once the service is up, after making sure its
 * dead-letter topics exist (waiting for Kafka in the background: a broker outage never blocks start-up), and one per
 * {@link BroadcastConsumer} bean. A loop that
 * dies for any reason is started again after a pause (backing off up to 30 s); {@link ConsumerStatus} shows it down
 * meanwhile, on {@code /q/health/well} and as {@code commerce_consumer_up}.
 */
@ApplicationScoped
public class InboxConsumers {

    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);
    private static final Duration MAX_RESTART_PAUSE = Duration.ofSeconds(30);

    private final Instance<EventConsumer> consumers;
    private final Instance<BroadcastConsumer> broadcastConsumers;
    private final InboxProcessor processor;
    private final DeadLetters deadLetters;
    private final InboxConfig config;
    private final KafkaClients kafka;
    private final MeterRegistry registry;
    private final EventContext context;
    private final List<ConsumerLoop> runners = new ArrayList<>();
    private final List<ConsumerStatus> statuses = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    public InboxConsumers(Instance<EventConsumer> consumers, Instance<BroadcastConsumer> broadcastConsumers,
                          InboxProcessor processor, DeadLetters deadLetters, InboxConfig config, KafkaClients kafka,
                          MeterRegistry registry, EventContext context) {
        this.context = context;
        this.consumers = consumers;
        this.broadcastConsumers = broadcastConsumers;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    /** The consumer bean of that name, for re-driving its dead letters. */
    public Optional<EventConsumer> consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** What each consumer loop of this instance is doing. */
    public List<ConsumerStatus.Snapshot> statuses() {
        return statuses.stream().map(ConsumerStatus::snapshot).toList();
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("Event consumers disabled (commerce.inbox.enabled=false)");
            return;
        }
        for (EventConsumer consumer : consumers) {
            ConsumerStatus status = new ConsumerStatus(consumer.name(), registry);
            ConsumerRunner runner = new ConsumerRunner(consumer, processor, deadLetters, kafka, status);
            start(runner, status, () -> awaitDeadLetterTopics(consumer));
        }
        for (BroadcastConsumer consumer : broadcastConsumers) {
            ConsumerStatus status = new ConsumerStatus(consumer.name(), registry);
            start(new BroadcastRunner(consumer, kafka, status, context), status, () -> true);
        }
    }

    private void start(ConsumerLoop runner, ConsumerStatus status, java.util.function.BooleanSupplier ready) {
        Thread thread = new Thread(() -> {
            if (ready.getAsBoolean()) {
                supervise(runner, status, () -> stopping);
            }
        }, "consumer-" + runner.name());
        thread.setDaemon(true);
        runners.add(runner);
        statuses.add(status);
        threads.add(thread);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
        runners.forEach(ConsumerLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs the loop, and runs it again whenever it dies, until the service stops. */
    static void supervise(ConsumerLoop runner, ConsumerStatus status, java.util.function.BooleanSupplier stopping) {
        Duration pause = Duration.ofSeconds(1);
        while (!stopping.getAsBoolean() && runner.running()) {
            try {
                runner.run();
            } catch (Throwable e) { // whatever ended the loop, it starts again: a consumer never dies silently
                if (stopping.getAsBoolean() || !runner.running()) {
                    break;
                }
                LOG.errorf(e, "Consumer %s stopped; restarting it in %s", runner.name(), pause);
                status.down(e);
                Backoff.pause(pause, () -> !stopping.getAsBoolean());
                pause = Backoff.next(pause, MAX_RESTART_PAUSE);
            }
        }
        status.stopped();
    }

    /** False when the service stopped first. */
    private boolean awaitDeadLetterTopics(EventConsumer consumer) {
        Duration pause = Duration.ofMillis(500);
        // dead-letter topics: one partition is plenty, kept two weeks
        List<TopicSpec> topics = consumer.topics().stream()
                .map(topic -> new TopicSpec(ConsumerRunner.deadLetterTopic(topic, consumer.name()), 1, false,
                        Optional.of(Duration.ofDays(14))))
                .toList();
        while (!stopping) {
            try {
                TopicProvisioner.ensure(kafka, topics);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warnf("%s waits for Kafka to create its dead-letter topics: %s", consumer.name(), e.getMessage());
                Backoff.pause(pause, () -> !stopping);
                pause = Backoff.next(pause, Duration.ofSeconds(15));
            }
        }
        return false;
    }
}
