package dev.commerce.platform.messaging.inbox;

/** One consumer's poll loop, as {@link InboxConsumers} supervises it: run until stopped, throw when it breaks. */
interface ConsumerLoop {

    String name();

    void run();

    void stop();

    boolean running();
}
