package dev.commerce.platform.messaging;

import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/** Hand-made ledger-changed records (sent straight to the broker, past the outbox) and counts of what was applied. */
final class LedgerRecords {

    private LedgerRecords() {
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A ledger-changed record with sequence 1; {@code traceparent} (and a request id with it) when not null. */
    static ProducerRecord<String, String> record(String key, String eventId, String payload, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(LedgerChanges.TOPIC, key, payload);
        header(record, "ce_id", eventId);
        header(record, "ce_type", LedgerChanges.LEDGER_CHANGED.ceType());
        header(record, "ce_source", "test");
        header(record, "ce_subject", key);
        header(record, "ce_sequence", "1");
        if (traceparent != null) {
            header(record, "traceparent", traceparent);
            header(record, "x-request-id", "req-" + eventId);
        }
        return record;
    }

    /** A count query with one parameter; a parameter ending in "-" is a prefix. */
    static long count(String sql, String parameter) throws Exception {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter.endsWith("-") ? parameter + "%" : parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
