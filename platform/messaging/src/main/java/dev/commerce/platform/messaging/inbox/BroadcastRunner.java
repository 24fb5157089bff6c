package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One life of a {@link BroadcastConsumer}'s loop: assigns itself every partition of the consumer's topics (and those
 * added later), starts each at the position the consumer stored or at its beginning, and hands over each poll as
 * one batch with the positions after it. A batch that fails is read again from the same positions after a pause
 * (backing off up to {@link ConsumerRunner#MAX_WAIT}), so nothing is skipped and nothing is applied twice.
 */
final class BroadcastRunner extends ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(BroadcastRunner.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    /** How often new partitions of the topics are looked for. */
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(30);
    /** How soon a topic that did not exist yet is looked for again (its producer creates it at its start). */
    private static final Duration MISSING_TOPIC_RETRY = Duration.ofSeconds(1);

    private final BroadcastConsumer consumer;
    private final KafkaClients clients;
    private final ConsumerStatus status;
    private final EventContext context;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** Whether every topic of the consumer had partitions when they were last looked for. */
    private boolean everyTopicFound;

    BroadcastRunner(BroadcastConsumer consumer, KafkaClients clients, ConsumerStatus status, EventContext context) {
        this.context = context;
        this.consumer = consumer;
        this.clients = clients;
        this.status = status;
    }

    @Override
    String name() {
        return consumer.name();
    }

    @Override
    void run() {
        // no group: each instance reads everything; the client id only names it in the broker's logs
        kafka = clients.consumer(null, consumer.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
        Duration wait = FIRST_WAIT;
        long nextRefresh = 0;
        try {
            positions.clear();
            positions.putAll(consumer.positions());
            while (running()) {
                if (System.nanoTime() >= nextRefresh) {
                    // until its topics exist (or while the broker is away) there is nothing to read yet
                    if (!assignPartitions()) {
                        Backoff.pause(Duration.ofSeconds(1), this::running);
                        continue;
                    }
                    nextRefresh = System.nanoTime() + (everyTopicFound ? PARTITION_REFRESH : MISSING_TOPIC_RETRY).toNanos();
                }
                ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                Exception failure = applyBatch(records);
                if (failure == null) {
                    if (wait != FIRST_WAIT) {
                        LOG.infof("%s: applying again", consumer.name());
                    }
                    status.running();
                    wait = FIRST_WAIT;
                } else if (running()) {
                    if (wait == FIRST_WAIT) {
                        LOG.warnf("%s could not apply a batch of %d event(s); reading it again: %s", consumer.name(),
                                records.count(), failure.getMessage());
                    }
                    status.waiting(failure.getMessage());
                    Backoff.pause(wait, this::running);
                    wait = Backoff.next(wait, ConsumerRunner.MAX_WAIT);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } finally {
            kafka.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Assigns every partition of the topics, each starting at its stored position or at its beginning; false while
     * none can be assigned (no topic yet, or the broker does not answer).
     */
    private boolean assignPartitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        everyTopicFound = true;
        try {
            for (String topic : consumer.topics()) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    everyTopicFound = false; // not created yet: read the others meanwhile, look again soon
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            everyTopicFound = false;
            status.waiting(e.getMessage());
            return !kafka.assignment().isEmpty();
        }
        if (partitions.isEmpty() || kafka.assignment().containsAll(partitions)) {
            return !kafka.assignment().isEmpty();
        }
        kafka.assign(partitions);
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = positions.get(partition);
            if (next == null) {
                fromBeginning.add(partition);
            } else {
                kafka.seek(partition, next);
            }
        }
        if (!fromBeginning.isEmpty()) { // an empty list would rewind every assigned partition
            kafka.seekToBeginning(fromBeginning);
        }
        status.running();
        return true;
    }

    /** The batch applied with the positions after it, or the failure (the partitions then go back to before it). */
    private Exception applyBatch(ConsumerRecords<String, String> records) {
        List<IncomingEvent> events = new ArrayList<>(records.count());
        Map<TopicPartition, Long> after = new LinkedHashMap<>(positions);
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                events.add(ConsumerRunner.toEvent(record));
                after.put(partition, record.offset() + 1);
            }
        }
        try {
            java.time.Instant start = java.time.Instant.now();
            consumer.apply(events, Map.copyOf(after));
            positions.putAll(after);
            java.time.Instant end = java.time.Instant.now();
            // each event's trace shows it applied, with the batch's time
            events.forEach(event -> context.appliedInBatch(event, consumer.name(), start, end, events.size()));
            return null;
        } catch (Exception e) {
            for (TopicPartition partition : records.partitions()) {
                Long before = positions.get(partition);
                if (before == null) {
                    kafka.seek(partition, records.records(partition).get(0).offset());
                } else {
                    kafka.seek(partition, before);
                }
            }
            return e;
        }
    }
}
