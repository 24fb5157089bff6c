package dev.commerce.platform.messaging.inbox;

import java.util.Set;

/**
 * A consumer of events: a CDI bean implementing this interface gets its own Kafka consumer group and thread.
 * {@link #handle} runs in a transaction that also records the event in the inbox, so an event is applied once
 * even when Kafka delivers it again; a handler that keeps failing sends the event to the dead-letter topic
 * {@code <topic>.<name>.dlq} and the partition moves on.
 */
public interface EventConsumer {

    /** The consumer group, also the inbox's consumer name: e.g. {@code catalog-service.stock-levels}. */
    String name();

    Set<String> topics();

    /** Applies the event; throw to have it retried (and dead-lettered after the last attempt). */
    void handle(IncomingEvent event) throws Exception;
}
