package dev.commerce.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Plays another service: publishes events to this JVM's Kafka cluster the way a producer's outbox relay does
 * (CloudEvents headers, key = aggregate id), after checking each payload against its contract, so a consumer's
 * tests feed it only events its producer could really send. Creates the topic when it does not exist yet.
 */
public final class TestEvents implements AutoCloseable {

    /** Partitions of a topic these tests create: more than one, so consumers in one group share the work. */
    public static final int PARTITIONS = 4;

    private final KafkaProducer<String, String> producer;
    private final String source;

    private TestEvents(String source) {
        this.source = source;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A publisher speaking as {@code source} (the ce_source of the service it plays, e.g. {@code order-service}). */
    public static TestEvents as(String source) {
        return new TestEvents(source);
    }

    /** Creates {@code topic} with {@link #PARTITIONS} partitions unless it exists. */
    public static void ensureTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic, e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + topic, e);
        }
    }

    /**
     * Publishes one event with a new id and waits for the broker's acknowledgement; returns the event id.
     * {@code sequence} is the aggregate's event number, as the producer's outbox would number it.
     */
    public String publish(String topic, String ceType, String key, long sequence, String payloadJson) {
        String id = UUID.randomUUID().toString();
        publish(topic, ceType, key, sequence, payloadJson, id);
        return id;
    }

    /** Publishes an event with a given id: a redelivery when the id was published before. */
    public void publish(String topic, String ceType, String key, long sequence, String payloadJson, String eventId) {
        EventContracts.assertValidPayload(ceType, payloadJson);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payloadJson);
        for (Map.Entry<String, String> header : List.of(
                Map.entry("ce_specversion", "1.0"), Map.entry("ce_id", eventId), Map.entry("ce_source", source),
                Map.entry("ce_type", ceType), Map.entry("ce_time", Instant.now().toString()),
                Map.entry("ce_subject", key), Map.entry("ce_sequence", Long.toString(sequence)),
                Map.entry("content-type", "application/json"))) {
            record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + ceType + " to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
