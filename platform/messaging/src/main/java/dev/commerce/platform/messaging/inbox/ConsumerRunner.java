package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One life of a consumer group's loop: poll, apply the batch through the inbox (in one transaction, or record by
 * record when that fails), dead-letter what keeps failing, and commit the offsets once per poll batch (without
 * waiting for the broker's answer). A crash redelivers at most the batch in hand and those whose commit had not
 * arrived, which the inbox then skips. While the database or broker is away the loop
 * keeps polling: it rewinds to the first record not applied, waits (backing off up to {@link #MAX_WAIT}) and tries
 * again, for as long as the outage lasts. {@link #run} returns when the consumer is stopped and throws when the loop
 * breaks; {@link InboxConsumers} then starts a new life.
 */
final class ConsumerRunner extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final EventConsumer consumer;
    private final InboxProcessor processor;
    private final DeadLetters deadLetters;
    private final KafkaClients clients;
    private final ConsumerStatus status;
    private Producer<String, String> deadLetterProducer;
    /** The consumer's records-lag-max metric, once it exists. */
    private Metric lagMetric;

    ConsumerRunner(EventConsumer consumer, InboxProcessor processor, DeadLetters deadLetters, KafkaClients clients,
                   ConsumerStatus status) {
        this.consumer = consumer;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.clients = clients;
        this.status = status;
    }

    static String deadLetterTopic(String topic, String consumerName) {
        return topic + "." + consumerName + ".dlq";
    }

    @Override
    String name() {
        return consumer.name();
    }

    @Override
    void run() {
        kafka = clients.consumer(consumer.name(), consumer.name());
        Duration wait = FIRST_WAIT;
        try {
            kafka.subscribe(consumer.topics());
            status.running();
            while (running()) {
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                InboxProcessor.InfrastructureUnavailable outage = applyBatch(records);
                if (outage == null) {
                    if (wait != FIRST_WAIT) {
                        LOG.infof("%s: the infrastructure answers again, consuming", consumer.name());
                        status.running();
                    }
                    wait = FIRST_WAIT;
                } else if (running()) {
                    if (wait == FIRST_WAIT) {
                        LOG.warnf("%s waits for the infrastructure (events are kept, not dead-lettered): %s",
                                consumer.name(), outage.getMessage());
                    }
                    status.waiting(outage.getMessage());
                    Backoff.pause(wait, this::running);
                    wait = Backoff.next(wait, MAX_WAIT);
                }
                status.lag(maxLag());
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } finally {
            kafka.close(Duration.ofSeconds(2));
            if (deadLetterProducer != null) {
                deadLetterProducer.close(Duration.ofSeconds(2));
                deadLetterProducer = null;
            }
        }
    }

    /**
     * Applies a poll's records partition by partition and commits what was applied: all in one transaction when
     * that succeeds, else one record at a time. Returns the outage that interrupted it (the partitions are rewound
     * to their first record not applied), or null.
     */
    private InboxProcessor.InfrastructureUnavailable applyBatch(ConsumerRecords<String, String> records) {
        if (records.count() > 1 && appliedTogether(records)) {
            return null;
        }
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        InboxProcessor.InfrastructureUnavailable outage = null;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!running() || outage != null) {
                    break;
                }
                try {
                    handle(record);
                    applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (InboxProcessor.InfrastructureUnavailable e) {
                    outage = e;
                }
            }
        }
        commit(applied);
        if (outage != null || !running()) {
            rewind(records, applied);
        }
        return outage;
    }

    /**
     * Applies the whole batch in one transaction and commits its offsets; false (nothing of it applied) when any
     * record fails, the database is away or the batch has a record without id: the caller then goes record by record,
     * where each failure is retried, dead-lettered or waited out on its own.
     */
    private boolean appliedTogether(ConsumerRecords<String, String> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> after = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> polled = records.records(partition);
            polled.forEach(record -> events.add(toEvent(record)));
            after.put(partition, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
        }
        try {
            processor.processTogether(consumer, events);
        } catch (Exception e) {
            LOG.debugf("%s could not apply a batch of %d together (%s); applying its records one by one",
                    consumer.name(), events.size(), e.getMessage());
            return false;
        }
        commit(after);
        return true;
    }

    /** Seeks each partition of the batch back to its first record not applied, so the next poll returns it again. */
    private void rewind(ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> applied) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> polled = records.records(partition);
            OffsetAndMetadata done = applied.get(partition);
            long next = done != null ? done.offset() : polled.get(0).offset();
            if (next <= polled.get(polled.size() - 1).offset()) {
                kafka.seek(partition, next);
            }
        }
    }

    /**
     * Commits the batch's offsets without waiting for the broker's answer: the loop polls the next batch meanwhile
     * (a synchronous commit was a round trip to the broker per batch, in which the loop applied nothing). The
     * commits of one loop reach the broker in order, and closing the consumer waits for those in flight. A commit
     * that fails or is lost (broker away, partitions moved to another instance, a crash) loses nothing: the events are
     * applied, and a redelivery is skipped by the inbox.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> applied) {
        if (applied.isEmpty()) {
            return;
        }
        try {
            kafka.commitAsync(applied, (offsets, failure) -> {
                if (failure != null) {
                    LOG.warnf("%s could not commit its offsets (%s); a redelivery will be skipped by the inbox",
                            consumer.name(), failure.getMessage());
                }
            });
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("%s could not commit its offsets (%s); a redelivery will be skipped by the inbox",
                    consumer.name(), e.getMessage());
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        IncomingEvent event = toEvent(record);
        try {
            processor.process(consumer, event, this::running);
        } catch (InboxProcessor.GaveUp e) {
            LOG.warnf("%s gave up on %s at %s-%d@%d after %d attempts: %s; dead-lettered", consumer.name(), event.id(),
                    record.topic(), record.partition(), record.offset(), e.attempts(), e.getMessage());
            try {
                deadLetters.store(consumer.name(), event, record.key(), e.getMessage(), e.attempts());
            } catch (RuntimeException storing) {
                // one idempotent insert: it fails when the database does, so the record waits for it
                throw new InboxProcessor.InfrastructureUnavailable(storing);
            }
            publishDeadLetter(record, e);
            status.deadLettered();
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
            if (deadLetterProducer == null) {
                deadLetterProducer = clients.reliableProducer(consumer.name() + "-dead-letters");
            }
            deadLetterProducer.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the dead letter is in the database already, where admins list and re-drive it
            LOG.errorf("Could not publish the dead letter of %s to Kafka: %s", consumer.name(), e.getMessage());
        }
    }

    /** The consumer's records-lag-max; its metric is looked up among all the consumer's metrics once, not per poll. */
    private long maxLag() {
        if (lagMetric == null) {
            for (Map.Entry<MetricName, ? extends Metric> metric : kafka.metrics().entrySet()) {
                if ("records-lag-max".equals(metric.getKey().name()) && metric.getKey().tags().size() == 1) {
                    lagMetric = metric.getValue();
                    break;
                }
            }
        }
        return lagMetric != null && lagMetric.metricValue() instanceof Double value && !value.isNaN() ? value.longValue() : 0;
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
