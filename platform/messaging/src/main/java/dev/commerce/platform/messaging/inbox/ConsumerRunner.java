package dev.commerce.platform.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer group's loop: poll, apply each record through the inbox, dead-letter what keeps failing, and commit
 * the offset after each record, so a crash redelivers at most the record in hand (which the inbox then skips).
 */
final class ConsumerRunner implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

    private final EventConsumer consumer;
    private final InboxProcessor processor;
    private final DeadLetters deadLetters;
    private final Map<String, Object> kafkaConfig;
    private final AtomicLong lag = new AtomicLong();
    private final Counter deadLettered;
    private volatile boolean running = true;
    private KafkaConsumer<String, String> kafka;
    private Producer<String, String> deadLetterProducer;

    ConsumerRunner(EventConsumer consumer, InboxProcessor processor, DeadLetters deadLetters,
                   Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.consumer = consumer;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.kafkaConfig = kafkaConfig;
        Gauge.builder("commerce.consumer.lag", lag, AtomicLong::get).tag("consumer", consumer.name())
                .description("Records behind the end of the consumer's partitions (max over partitions)").register(registry);
        deadLettered = Counter.builder("commerce.consumer.dead.letters").tag("consumer", consumer.name())
                .description("Events sent to the dead-letter topic").register(registry);
    }

    static String deadLetterTopic(String topic, String consumerName) {
        return topic + "." + consumerName + ".dlq";
    }

    @Override
    public void run() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer.name());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        kafka = new KafkaConsumer<>(config);
        try {
            kafka.subscribe(consumer.topics());
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    if (!running) {
                        break;
                    }
                    handle(record);
                    kafka.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
                lag.set(maxLag());
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } catch (RuntimeException e) {
            LOG.errorf(e, "Consumer %s stopped", consumer.name());
        } finally {
            kafka.close(Duration.ofSeconds(5));
            if (deadLetterProducer != null) {
                deadLetterProducer.close(Duration.ofSeconds(5));
            }
        }
    }

    void stop() {
        running = false;
        if (kafka != null) {
            kafka.wakeup();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        IncomingEvent event = toEvent(record);
        try {
            processor.process(consumer, event);
        } catch (InboxProcessor.GaveUp e) {
            LOG.warnf("%s gave up on %s at %s-%d@%d after %d attempts: %s; dead-lettered", consumer.name(), event.id(),
                    record.topic(), record.partition(), record.offset(), e.attempts(), e.getMessage());
            deadLetters.store(consumer.name(), event, record.key(), e.getMessage(), e.attempts());
            publishDeadLetter(record, e);
            deadLettered.increment();
        }
    }

    /** The record, its headers and the error on {@code <topic>.<consumer>.dlq}, before the offset moves on. */
    private void publishDeadLetter(ConsumerRecord<String, String> record, InboxProcessor.GaveUp failure) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic(record.topic(), consumer.name()),
                record.key(), record.value());
        record.headers().forEach(header -> letter.headers().add(header));
        put(letter, "dlq_error", failure.getMessage());
        put(letter, "dlq_attempts", Integer.toString(failure.attempts()));
        put(letter, "dlq_consumer", consumer.name());
        put(letter, "dlq_original_topic", record.topic());
        put(letter, "dlq_original_partition", Integer.toString(record.partition()));
        put(letter, "dlq_original_offset", Long.toString(record.offset()));
        try {
            deadLetterProducer().send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the dead letter is in the database already, where admins list and re-drive it
            LOG.errorf("Could not publish the dead letter of %s to Kafka: %s", consumer.name(), e.getMessage());
        }
    }

    private Producer<String, String> deadLetterProducer() {
        if (deadLetterProducer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            deadLetterProducer = new KafkaProducer<>(config);
        }
        return deadLetterProducer;
    }

    private long maxLag() {
        for (Map.Entry<MetricName, ? extends Metric> metric : kafka.metrics().entrySet()) {
            if ("records-lag-max".equals(metric.getKey().name()) && metric.getKey().tags().size() == 1
                    && metric.getValue().metricValue() instanceof Double value && !value.isNaN()) {
                return value.longValue();
            }
        }
        return 0;
    }

    static IncomingEvent toEvent(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return IncomingEvent.of(headers, record.value(), record.topic(), record.partition(), record.offset());
    }

    private static void put(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
