package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.outbox.CloudEventHeaders;

import java.util.Map;

/**
 * An event as a consumer receives it: the CloudEvents attributes from the Kafka headers and the JSON payload.
 * A consumer maps the payload to its own types and ignores fields it does not know.
 */
public record IncomingEvent(String id, String type, String source, String subject, long sequence, String time,
                            String payload, Map<String, String> headers, String topic, int partition, long offset) {

    /** The event a record with these headers carries; a missing or malformed ce_sequence reads as 0. */
    public static IncomingEvent of(Map<String, String> headers, String payload, String topic, int partition, long offset) {
        return new IncomingEvent(headers.get(CloudEventHeaders.ID), headers.get(CloudEventHeaders.TYPE),
                headers.get(CloudEventHeaders.SOURCE), headers.get(CloudEventHeaders.SUBJECT),
                sequenceOf(headers.get(CloudEventHeaders.SEQUENCE)), headers.get(CloudEventHeaders.TIME), payload,
                Map.copyOf(headers.entrySet().stream().filter(e -> e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))),
                topic, partition, offset);
    }

    private static long sequenceOf(String number) {
        try {
            return number == null ? 0 : Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
