package dev.commerce.platform.messaging.inbox;

import java.util.Set;

/**
 * A consumer of events: a CDI bean implementing this interface gets its own Kafka consumer group and thread. It
 * declares one typed handler per event type ({@link EventHandlers}); each handler translates its payload and calls
 * one use case of the service's {@code application} layer, where the decisions are. A handler runs in a transaction
 * that also records the event in the inbox, so an event is applied once even when Kafka delivers it again. A handler
 * that keeps failing on a healthy system sends the event to the dead-letter topic {@code <topic>.<name>.dlq} and the
 * partition moves on; while the database or broker is away the event waits instead.
 */
public interface EventConsumer {

    /** The consumer group, also the inbox's consumer name: e.g. {@code catalog-service.stock-levels}. */
    String name();

    Set<String> topics();

    /** The handler of each event type this consumer acts on; built once (the bean is application scoped). */
    EventHandlers handlers();
}
