package dev.commerce.platform.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row waiting to be published. */
record PendingEvent(long position, UUID id, String topic, String aggregateId, long sequence, String eventType,
                    String payload, Instant occurredAt, String traceparent, String requestId) {
}
