package dev.commerce.platform.messaging.inbox;

import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One consumer's poll loop, as {@link InboxConsumers} supervises it: {@link #run} until stopped, throwing when it
 * breaks; {@link #stop} ends it from another thread by waking the poll of the Kafka consumer the loop opened.
 */
abstract class ConsumerLoop {

    private volatile boolean running = true;
    /** This life's Kafka consumer, set by {@link #run}. */
    protected volatile KafkaConsumer<String, String> kafka;

    abstract String name();

    abstract void run();

    final boolean running() {
        return running;
    }

    final void stop() {
        running = false;
        KafkaConsumer<String, String> current = kafka;
        if (current != null) {
            current.wakeup();
        }
    }
}
