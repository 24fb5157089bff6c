package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.topics.TopicProvisioner;
import dev.commerce.platform.messaging.topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one {@link ConsumerRunner} thread per {@link EventConsumer} bean once the service is up, after making sure
 * its dead-letter topics exist. Waits for Kafka in the background: a broker outage never blocks start-up.
 */
@ApplicationScoped
public class InboxConsumers {

    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

    private final Instance<EventConsumer> consumers;
    private final InboxProcessor processor;
    private final DeadLetters deadLetters;
    private final InboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final List<ConsumerRunner> runners = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public InboxConsumers(Instance<EventConsumer> consumers, InboxProcessor processor, DeadLetters deadLetters,
                          InboxConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                          MeterRegistry registry) {
        this.consumers = consumers;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
    }

    /** The consumer bean of that name, for re-driving its dead letters. */
    public Optional<EventConsumer> consumer(String name) {
        return consumers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("Event consumers disabled (commerce.inbox.enabled=false)");
            return;
        }
        for (EventConsumer consumer : consumers) {
            ConsumerRunner runner = new ConsumerRunner(consumer, processor, deadLetters, kafkaConfig, registry);
            Thread thread = new Thread(() -> {
                awaitDeadLetterTopics(consumer);
                runner.run();
            }, "consumer-" + consumer.name());
            thread.setDaemon(true);
            runners.add(runner);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        runners.forEach(ConsumerRunner::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitDeadLetterTopics(EventConsumer consumer) {
        Duration pause = Duration.ofMillis(500);
        // dead-letter topics: one partition is plenty, kept two weeks
        List<TopicSpec> topics = consumer.topics().stream()
                .map(topic -> new TopicSpec(ConsumerRunner.deadLetterTopic(topic, consumer.name()), 1, false,
                        Optional.of(Duration.ofDays(14))))
                .toList();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TopicProvisioner.ensure(kafkaConfig, topics);
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.warnf("%s waits for Kafka to create its dead-letter topics: %s", consumer.name(), e.getMessage());
                try {
                    Thread.sleep(pause.toMillis()); // back-off while the broker is away
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : pause.multipliedBy(2);
            }
        }
    }
}
