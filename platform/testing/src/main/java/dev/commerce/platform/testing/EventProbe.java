package dev.commerce.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/**
 * Reads what really reached the broker: every record of a topic from its beginning, without a consumer group
 * (so it disturbs no service), until the expected events have arrived or the deadline passes.
 */
public final class EventProbe implements AutoCloseable {

    /** One record as received: key, headers as text, JSON payload. */
    public record ReceivedEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
                                String payload) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();

    private EventProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A probe reading {@code topic} from its first record (the topic must exist or appear within 30 s). */
    public static EventProbe of(String topic) {
        return new EventProbe(TestKafka.bootstrapServers(), topic);
    }

    /** A probe of {@code topic} on another cluster (a launched platform's broker, in system tests). */
    public static EventProbe of(String bootstrapServers, String topic) {
        return new EventProbe(bootstrapServers, topic);
    }

    /** Waits until {@code count} received events match, and returns them in arrival order. */
    public List<ReceivedEvent> awaitEvents(Predicate<ReceivedEvent> matching, int count, Duration deadline) {
        Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll();
                    return received.stream().filter(matching).count() >= count;
                });
        return received.stream().filter(matching).toList();
    }

    public ReceivedEvent awaitEvent(Predicate<ReceivedEvent> matching, Duration deadline) {
        return awaitEvents(matching, 1, deadline).get(0);
    }

    /** Everything received so far (after one more poll). */
    public List<ReceivedEvent> received() {
        poll();
        return List.copyOf(received);
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            received.add(new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), headers,
                    record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
