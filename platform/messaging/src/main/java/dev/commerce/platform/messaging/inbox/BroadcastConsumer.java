package dev.commerce.platform.messaging.inbox;

import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read model that every instance holds whole (a search index, a cache of rendered pages): a CDI bean implementing
 * this reads every partition of its topics itself, with no consumer group and no shared inbox, from the positions it
 * keeps together with the state it feeds. A restart resumes where that state is; a fresh instance (no positions)
 * builds it from the beginning of the topics, which should be compacted. {@link InboxConsumers} runs and supervises
 * it like an {@link EventConsumer}: one thread, restarted if its loop dies, shown on {@code /q/health/well}.
 */
public interface BroadcastConsumer {

    /** For logs, metrics and health, e.g. {@code catalog-service.search-index}. */
    String name();

    Set<String> topics();

    /**
     * The next offset to read per partition, as stored with the state; a partition not in the map is read from its
     * beginning.
     */
    Map<TopicPartition, Long> positions();

    /**
     * Applies one poll's events (in offset order within each partition; tombstones have a null payload) and stores
     * {@code positions}, the next offset of every partition, with the state in the same write, so the two never
     * disagree. When it throws, nothing of the batch counts: the same events come again after a pause, for as long
     * as it takes (every instance must hold every event, so none is skipped or dead-lettered).
     */
    void apply(List<IncomingEvent> events, Map<TopicPartition, Long> positions) throws Exception;
}
