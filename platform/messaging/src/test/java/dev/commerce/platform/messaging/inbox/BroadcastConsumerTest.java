package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.KafkaClients;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.testing.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broadcast consumers on a real broker, without Quarkus: every instance holds every partition's events, a restarted
 * instance resumes from the positions it stored with its state, a failing batch comes again until it is applied,
 * and a loop that dies is started again by the supervisor.
 */
class BroadcastConsumerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String topic = "broadcast-test-" + UUID.randomUUID();
    private final KafkaClients clients = new KafkaClients(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    private final List<ConsumerLoop> started = new ArrayList<>();
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void topicWithPartitions() {
        TestEvents.ensureTopic(topic);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void stop() {
        started.forEach(ConsumerLoop::stop);
        producer.close();
    }

    @Test
    void every_instance_holds_every_partition_and_a_restart_resumes_from_the_positions_kept_with_its_state() throws Exception {
        publish(0, 40);
        ReadModel first = new ReadModel(0);
        ReadModel second = new ReadModel(0);
        BroadcastRunner firstRunner = start(first);
        start(second);
        Awaitility.await("both instances to hold all 40 keys").atMost(DEADLINE).untilAsserted(() -> {
            assertThat(first.state()).hasSize(40);
            assertThat(second.state()).hasSize(40);
        });
        assertThat(first.storedPositions().keySet()).as("every partition").hasSize(TestEvents.PARTITIONS);

        // the first instance stops; events go on; it comes back with what it stored
        firstRunner.stop();
        Awaitility.await().atMost(DEADLINE).until(() -> !firstRunner.running());
        publish(40, 10);
        tombstone("key-3");
        Awaitility.await("the running instance to apply the 10 new events and the tombstone").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(second.state()).hasSize(49).doesNotContainKey("key-3"));
        ReadModel resumed = first.restartedWithItsState();
        start(resumed);
        Awaitility.await("the restarted instance to catch up").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(resumed.state()).isEqualTo(second.state()));
        assertThat(resumed.appliedSinceStart()).as("only what it had not applied yet, no replay from the beginning")
                .isEqualTo(11);
    }

    @Test
    void a_batch_that_fails_is_read_again_until_it_is_applied_once() throws Exception {
        ReadModel failingTwice = new ReadModel(2);
        start(failingTwice);
        publish(0, 20);
        Awaitility.await("every event applied despite two failed batches").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(failingTwice.state()).hasSize(20));
        assertThat(failingTwice.appliedSinceStart()).as("each event applied once").isEqualTo(20);
    }

    @Test
    void a_loop_that_dies_is_started_again_and_carries_on_from_its_positions() throws Exception {
        ReadModel model = new ReadModel(0);
        ConsumerStatus status = new ConsumerStatus(model.name(), new SimpleMeterRegistry());
        AtomicInteger lives = new AtomicInteger();
        BroadcastRunner runner = new BroadcastRunner(model, clients, status, new EventContext(io.opentelemetry.api.OpenTelemetry.noop()));
        started.add(runner);
        ConsumerLoop dyingOnce = new ConsumerLoop() {
            @Override
            String name() {
                return runner.name();
            }

            @Override
            void run() {
                if (lives.incrementAndGet() == 1) {
                    throw new IllegalStateException("the loop broke");
                }
                runner.run();
            }
        };
        started.add(dyingOnce);
        Thread supervisor = new Thread(() -> InboxConsumers.supervise(dyingOnce, status, () -> false));
        supervisor.setDaemon(true);
        supervisor.start();
        publish(0, 5);
        Awaitility.await("the restarted loop to apply the events").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(model.state()).hasSize(5));
        assertThat(status.snapshot().restarts()).isEqualTo(1);
        assertThat(status.snapshot().state()).isEqualTo(ConsumerStatus.State.RUNNING);
    }

    @Test
    void a_consumer_started_before_its_topic_exists_reads_it_once_it_does() throws Exception {
        String later = "broadcast-later-" + UUID.randomUUID();
        ReadModel model = new ReadModel(0, Set.of(later));
        BroadcastRunner runner = start(model);
        TestEvents.ensureTopic(later);
        send(new ProducerRecord<>(later, "key-1", "{\"n\":1}"), "key-1");
        producer.flush();
        Awaitility.await("the event of the topic created after the start").atMost(DEADLINE)
                .untilAsserted(() -> assertThat(model.state()).containsKey("key-1"));
        assertThat(runner.running()).isTrue();
    }

    @Test
    void a_topic_created_after_the_others_is_read_within_seconds_not_at_the_next_partition_refresh() throws Exception {
        String later = "broadcast-later-" + UUID.randomUUID();
        ReadModel model = new ReadModel(0, Set.of(topic, later));
        start(model);
        publish(0, 1);
        Awaitility.await("the existing topic read").atMost(DEADLINE).untilAsserted(() -> assertThat(model.state()).containsKey("key-0"));
        TestEvents.ensureTopic(later);
        send(new ProducerRecord<>(later, "late-1", "{\"n\":1}"), "late-1");
        producer.flush();
        // the partitions of the consumer's topics are looked for again every 30 s; a missing topic every second
        Awaitility.await("the topic created later").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(model.state()).containsKey("late-1"));
    }

    private BroadcastRunner start(ReadModel model) {
        BroadcastRunner runner = new BroadcastRunner(model, clients, new ConsumerStatus(model.name(), new SimpleMeterRegistry()),
                new EventContext(io.opentelemetry.api.OpenTelemetry.noop()));
        started.add(runner);
        Thread thread = new Thread(runner::run, "broadcast-" + model.name());
        thread.setDaemon(true);
        thread.start();
        return runner;
    }

    private void publish(int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            send(new ProducerRecord<>(topic, "key-" + i, "{\"n\":" + i + "}"), "key-" + i);
        }
        producer.flush();
    }

    private void tombstone(String key) throws Exception {
        send(new ProducerRecord<>(topic, key, null), key);
        producer.flush();
    }

    private void send(ProducerRecord<String, String> record, String key) throws Exception {
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "commerce.test.changed.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", key.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /**
     * One instance's read model: key -> payload, and the positions, written together under one lock as a real one
     * writes them in one transaction or index commit. Fails its first {@code failures} batches.
     */
    private class ReadModel implements BroadcastConsumer {

        private final Map<String, String> state;
        private final Set<String> topics;
        private Map<TopicPartition, Long> positions;
        private final AtomicInteger failuresLeft;
        private final AtomicInteger applied = new AtomicInteger();
        private final String name = "test-read-model-" + UUID.randomUUID().toString().substring(0, 8);

        ReadModel(int failures) {
            this(failures, Set.of(topic));
        }

        ReadModel(int failures, Set<String> topics) {
            this(new HashMap<>(), topics, Map.of(), failures);
        }

        private ReadModel(Map<String, String> state, Set<String> topics, Map<TopicPartition, Long> positions, int failures) {
            this.state = state;
            this.topics = topics;
            this.positions = positions;
            this.failuresLeft = new AtomicInteger(failures);
        }

        /** A new instance of the same model, starting from what this one stored. */
        synchronized ReadModel restartedWithItsState() {
            return new ReadModel(new HashMap<>(state), topics, positions, 0);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> topics() {
            return topics;
        }

        @Override
        public synchronized Map<TopicPartition, Long> positions() {
            return positions;
        }

        @Override
        public synchronized void apply(List<IncomingEvent> events, Map<TopicPartition, Long> positions) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the disk is full");
            }
            for (IncomingEvent event : events) {
                if (event.payload() == null) {
                    state.remove(event.subject());
                } else {
                    state.put(event.subject(), event.payload());
                }
            }
            this.positions = positions;
            applied.addAndGet(events.size());
        }

        synchronized Map<String, String> state() {
            return Collections.unmodifiableMap(new HashMap<>(state));
        }

        synchronized Map<TopicPartition, Long> storedPositions() {
            return positions;
        }

        int appliedSinceStart() {
            return applied.get();
        }
    }
}
