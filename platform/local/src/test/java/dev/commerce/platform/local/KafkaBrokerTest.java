package dev.commerce.platform.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real KRaft broker the launcher and the tests run. */
class KafkaBrokerTest {

    @Test
    void keeps_its_topics_across_a_restart_on_the_same_directory(@TempDir Path dataDir) throws Exception {
        int port;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0)) {
            port = broker.port();
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("kept.v1", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port); Admin admin = admin(restarted)) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("kept.v1"));
            assertEquals(3, admin.describeTopics(Set.of("kept.v1")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("kept.v1").partitions().size());
        }
    }

    @Test
    void does_not_create_topics_on_demand(@TempDir Path dataDir) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0); Admin admin = admin(broker)) {
            ExecutionException missing = assertThrows(ExecutionException.class, () ->
                    admin.describeTopics(Set.of("never.created")).allTopicNames().get(30, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.UnknownTopicOrPartitionException.class, missing.getCause());
        }
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
