package dev.commerce.platform.messaging.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The topics a service produces, created by it at start-up: {@code commerce.topics."catalog.product.v1".compacted=true}.
 */
@ConfigMapping(prefix = "commerce.topics")
public interface TopicsConfig {

    @WithParentName
    Map<String, Topic> topics();

    interface Topic {

        @WithDefault("3")
        int partitions();

        /** Compacted topics keep the latest event per key: a new consumer can rebuild its read model from them. */
        @WithDefault("false")
        boolean compacted();

        /** Retention of a non-compacted topic; the broker's default when absent. */
        Optional<Duration> retention();
    }
}
