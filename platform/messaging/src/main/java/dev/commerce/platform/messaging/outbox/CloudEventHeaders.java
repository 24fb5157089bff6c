package dev.commerce.platform.messaging.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * CloudEvents 1.0 in Kafka's binary content mode: attributes as {@code ce_*} headers, the JSON payload as the value.
 * {@code ce_sequence} (the CloudEvents sequence extension) orders one aggregate's events.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String REQUEST_ID = "x-request-id";

    private CloudEventHeaders() {
    }

    static ProducerRecord<String, String> toRecord(PendingEvent event, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.aggregateId(), event.payload());
        Headers headers = record.headers();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id().toString());
        put(headers, SOURCE, source);
        put(headers, TYPE, event.eventType());
        put(headers, TIME, event.occurredAt().toString());
        put(headers, SUBJECT, event.aggregateId());
        put(headers, SEQUENCE, Long.toString(event.sequence()));
        put(headers, CONTENT_TYPE, "application/json");
        put(headers, TRACEPARENT, event.traceparent());
        put(headers, REQUEST_ID, event.requestId());
        return record;
    }

    /** The text of a header, or null when absent. */
    public static String get(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
