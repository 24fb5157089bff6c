package dev.commerce.platform.messaging.topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A topic as its producer wants it: partitions, cleanup policy, retention. */
public record TopicSpec(String name, int partitions, boolean compacted, Optional<Duration> retention) {

    /** The topics a service's configuration declares ({@code commerce.topics."<name>".*}). */
    public static List<TopicSpec> of(TopicsConfig config) {
        return config.topics().entrySet().stream()
                .map(topic -> new TopicSpec(topic.getKey(), topic.getValue().partitions(), topic.getValue().compacted(),
                        topic.getValue().retention()))
                .toList();
    }
}
