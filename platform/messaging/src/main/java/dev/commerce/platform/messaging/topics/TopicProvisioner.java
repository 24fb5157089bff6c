package dev.commerce.platform.messaging.topics;

import org.apache.kafka.clients.admin.Admin;
import dev.commerce.platform.messaging.KafkaClients;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service produces (partitions, cleanup policy, retention) through the AdminClient; brokers
 * never auto-create topics. Existing topics are left as they are.
 */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /** Creates the missing ones among {@code topics}; throws when Kafka cannot be reached (the caller retries). */
    public static void ensure(KafkaClients kafka, List<TopicSpec> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = kafka.admin("topic-provisioner", 10_000)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(TopicProvisioner::newTopic)
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    static NewTopic newTopic(TopicSpec topic) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
        topic.retention().ifPresent(retention -> configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())));
        // replication factor: the broker's default.replication.factor
        return new NewTopic(topic.name(), java.util.Optional.of(topic.partitions()), java.util.Optional.empty()).configs(configs);
    }
}
