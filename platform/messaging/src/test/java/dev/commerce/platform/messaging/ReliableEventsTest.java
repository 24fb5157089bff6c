package dev.commerce.platform.messaging;

import dev.commerce.platform.messaging.inbox.Inbox;
import dev.commerce.platform.messaging.inbox.InboxProcessor;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.KafkaBrokerProcess;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestKafka;
import dev.commerce.platform.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.commerce.platform.messaging.LedgerRecords.count;
import static dev.commerce.platform.messaging.LedgerRecords.producer;
import static dev.commerce.platform.messaging.LedgerRecords.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The outbox, the relay and the inbox against a real PostgreSQL and a real broker that the tests stop and restart. */
@QuarkusTest
@QuarkusTestResource(value = CommerceTestResource.class,
        initArgs = {@ResourceArg(name = CommerceTestResource.KAFKA_ARG, value = "restartable"),
                @ResourceArg(name = CommerceTestResource.DATABASE_ARG, value = "proxied")})
class ReliableEventsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Inject
    LedgerChanges changes;

    @Inject
    Inbox inbox;

    @Inject
    InboxProcessor processor;

    @Inject
    LedgerConsumer ledgerConsumer;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void brokerIsUp() {
        TestKafka.restartableBroker().startAgain();
    }

    @Test
    void changes_committed_while_the_broker_is_down_arrive_once_and_in_order_after_it_returns() throws Exception {
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        KafkaBrokerProcess broker = TestKafka.restartableBroker();
        broker.stop();

        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer * 5;
                done.add(writers.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (int ledger = first; ledger < first + 5; ledger++) {
                            changes.change(prefix + ledger);
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE ?", prefix))
                .as("all 200 changes committed, none published while the broker is down").isEqualTo(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/well").then().statusCode(503).body("checks.name", hasItem("outbox-relay"));

        broker.startAgain();

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 200);
        assertThat(count("SELECT count(DISTINCT event_id) FROM test_applied WHERE ledger_id LIKE ?", prefix)).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix)).as("each applied once").isEqualTo(200);
        assertThat(count("SELECT count(DISTINCT transaction_id) FROM test_applied WHERE ledger_id LIKE ?", prefix))
                .as("the backlog is applied a poll batch per transaction, not an event per transaction").isLessThan(200);
        Map<String, List<Integer>> appliedInOrder = changeNumbersInApplicationOrder(prefix);
        assertThat(appliedInOrder).hasSize(20);
        List<Integer> oneToTen = IntStream.rangeClosed(1, 10).boxed().toList();
        appliedInOrder.forEach((ledger, changeNumbers) -> assertThat(changeNumbers).as(ledger).isEqualTo(oneToTen));
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/health/well").then().statusCode(200));
    }

    @Test
    void the_same_event_delivered_twice_has_one_effect() throws Exception {
        String ledger = "dup-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":1}";
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(ledger, eventId, payload, null)).get();
            producer.send(record(ledger, eventId, payload, null)).get();
        }
        changes.change(ledger); // the marker: applied after both copies (same key, same partition)

        Awaitility.await().atMost(DEADLINE)
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id = ?", ledger) >= 2);
        assertThat(count("SELECT count(*) FROM test_applied WHERE event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void a_poison_message_is_dead_lettered_the_next_is_processed_and_a_redrive_applies_it_once() throws Exception {
        String ledger = "poison-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        LedgerConsumer.POISON_FIXED.set(false);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(ledger, poisonId, "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":0,\"poison\":true}", null)).get();
        }
        changes.change(ledger); // behind the poison on the same partition

        Awaitility.await().atMost(DEADLINE)
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id = ?", ledger) >= 1);
        assertThat(count("SELECT count(*) FROM test_applied WHERE event_id = ?", poisonId)).isZero();
        try (EventProbe dlq = EventProbe.of(LedgerChanges.TOPIC + "." + LedgerConsumer.NAME + ".dlq")) {
            EventProbe.ReceivedEvent letter = dlq.awaitEvent(e -> poisonId.equals(e.header("ce_id")), DEADLINE);
            assertThat(letter.header("dlq_error")).contains("cannot apply a poisoned change");
            assertThat(letter.header("dlq_original_topic")).isEqualTo(LedgerChanges.TOPIC);
        }

        String admin = TestTokens.admin();
        String deadLetterId = given().auth().oauth2(admin).get("/admin/dead-letters?limit=100").then().statusCode(200)
                .extract().path("items.find { it.eventId == '" + poisonId + "' }.id");
        given().auth().oauth2(admin).post("/admin/dead-letters/" + deadLetterId + "/redrive").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/redrive-failed"));

        LedgerConsumer.POISON_FIXED.set(true);
        given().auth().oauth2(admin).post("/admin/dead-letters/" + deadLetterId + "/redrive").then().statusCode(200)
                .body("status", equalTo("REDRIVEN"));
        given().auth().oauth2(admin).post("/admin/dead-letters/" + deadLetterId + "/redrive").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM test_applied WHERE event_id = ?", poisonId)).isEqualTo(1);
        given().auth().oauth2(TestTokens.customer("c")).get("/admin/dead-letters").then().statusCode(403);
    }

    @Test
    void events_of_one_transaction_are_numbered_per_aggregate_and_published_in_the_order_recorded() throws Exception {
        String prefix = "together-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        changes.change(prefix + "a");
        changes.changeAll(List.of(prefix + "a", prefix + "b", prefix + "a", prefix + "b", prefix + "a"));

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 6);
        Map<String, List<Integer>> appliedInOrder = changeNumbersInApplicationOrder(prefix); // checks ce_sequence too
        assertThat(appliedInOrder).containsEntry(prefix + "a", List.of(1, 2, 3, 4)).containsEntry(prefix + "b", List.of(1, 2));
    }

    @Test
    void commits_that_keep_coming_are_published_several_per_pass_each_aggregate_in_order() throws Exception {
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Counter passes = meters.get("commerce.outbox.passes").counter();
        Counter published = meters.get("commerce.outbox.published").counter();
        Awaitility.await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE ?", "%") == 0);
        double passesBefore = passes.count();
        double publishedBefore = published.count();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                String ledger = prefix + writer;
                done.add(writers.submit(() -> IntStream.range(0, 10).forEach(change -> changes.change(ledger))));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 40);

        assertThat(published.count() - publishedBefore).isEqualTo(40);
        assertThat(passes.count() - passesBefore).as("passes for 40 commits of four writers at once").isLessThan(40);
        List<Integer> oneToTen = IntStream.rangeClosed(1, 10).boxed().toList();
        assertThat(changeNumbersInApplicationOrder(prefix)).hasSize(4)
                .allSatisfy((ledger, changeNumbers) -> assertThat(changeNumbers).as(ledger).isEqualTo(oneToTen));
    }

    @Test
    void nothing_is_published_while_another_instance_holds_the_relay_lock_and_everything_in_order_once_it_is_free()
            throws Exception {
        String prefix = "locked-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String service = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.application.name", String.class);
        try (Connection otherInstance = TestDatabase.connect();
             PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, dev.commerce.platform.messaging.outbox.OutboxRelay.lockId(service));
            lock.execute();
            changes.changeAll(List.of(prefix + "a", prefix + "a", prefix + "b"));
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) == 0);
        } // the other instance's session ends: its lock is released

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 3);
        assertThat(changeNumbersInApplicationOrder(prefix)).containsEntry(prefix + "a", List.of(1, 2))
                .containsEntry(prefix + "b", List.of(1));
    }

    @Test
    void a_commit_that_records_events_leaves_no_connection_open_for_the_pool_to_close() throws Exception {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(String.valueOf(record.getMessage()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger pool = java.util.logging.Logger.getLogger("io.agroal.pool");
        pool.addHandler(capture);
        String prefix = "pool-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try {
            changes.change(prefix + "a");
            changes.changeAll(List.of(prefix + "a", prefix + "b"));
        } finally {
            pool.removeHandler(capture);
        }
        assertThat(warnings).as("Agroal closed a connection left open at commit").isEmpty();
        // the events were written in the transaction of the change: its aggregate's sequence row has the same xmin
        assertThat(count("SELECT xmin::text::bigint FROM outbox_aggregate WHERE aggregate_id = ?", prefix + "b"))
                .isEqualTo(count("SELECT xmin::text::bigint FROM test_ledger WHERE ledger_id = ?", prefix + "b"));
    }

    @Test
    void the_relay_vacuums_the_outbox_after_deleting_enough_published_rows() throws Exception {
        long vacuumsBefore = count("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?", "outbox_event");
        String prefix = "vacuum-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        changes.changeAll(IntStream.range(0, 150).mapToObj(i -> prefix + i).toList()); // vacuum-after is 100 here

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 150);
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() ->
                count("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?", "outbox_event") > vacuumsBefore);
    }

    @Test
    void a_batch_is_applied_in_one_transaction_each_event_once_and_nothing_of_it_when_one_event_fails() throws Exception {
        String ledger = "batch-" + UUID.randomUUID();
        IncomingEvent first = ledgerEvent(ledger, 1, false);
        IncomingEvent second = ledgerEvent(ledger, 2, false);
        IncomingEvent poisoned = ledgerEvent(ledger, 3, true);
        LedgerConsumer.POISON_FIXED.set(false);

        assertThatThrownBy(() -> processor.processTogether(ledgerConsumer, List.of(first, poisoned, second)))
                .hasStackTraceContaining("cannot apply a poisoned change");
        assertThat(count("SELECT count(*) FROM test_applied WHERE ledger_id = ?", ledger)).as("rolled back").isZero();
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ?", first.id())).as("not marked applied").isZero();

        assertThat(processor.processTogether(ledgerConsumer, List.of(first, second, first))).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM test_applied WHERE ledger_id = ?", ledger)).isEqualTo(2);
        assertThat(count("SELECT count(DISTINCT transaction_id) FROM test_applied WHERE ledger_id = ?", ledger)).isEqualTo(1);

        assertThat(processor.processTogether(ledgerConsumer, List.of(first, second))).as("a redelivery").isZero();
        assertThat(count("SELECT count(*) FROM test_applied WHERE ledger_id = ?", ledger)).isEqualTo(2);
    }

    private static IncomingEvent ledgerEvent(String ledger, int changeNo, boolean poison) {
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", LedgerChanges.LEDGER_CHANGED.ceType(), "ce_source", "test", "ce_subject", ledger,
                "ce_sequence", Integer.toString(changeNo));
        String payload = "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":" + changeNo + ",\"poison\":" + poison + "}";
        return IncomingEvent.of(headers, payload, LedgerChanges.TOPIC, 0, changeNo);
    }

    @Test
    void a_read_model_ignores_events_older_than_what_it_applied() {
        String aggregate = "agg-" + UUID.randomUUID();
        List<Boolean> applied = QuarkusTransaction.requiringNew().call(() -> List.of(
                inbox.advance("read-model", aggregate, 2), inbox.advance("read-model", aggregate, 1),
                inbox.advance("read-model", aggregate, 2), inbox.advance("read-model", aggregate, 3)));
        assertThat(applied).containsExactly(true, false, false, true);
    }

    @Test
    void exposes_outbox_and_consumer_metrics() {
        changes.change("metrics-" + UUID.randomUUID());
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("commerce_outbox_backlog"),
                        org.hamcrest.Matchers.containsString("commerce_outbox_oldest_unpublished_age_seconds"),
                        org.hamcrest.Matchers.containsString("commerce_outbox_publish_latency_seconds"),
                        org.hamcrest.Matchers.containsString("commerce_outbox_passes_total"),
                        org.hamcrest.Matchers.containsString("commerce_consumer_lag"),
                        org.hamcrest.Matchers.containsString("commerce_consumer_dead_letters_total"))));
    }

    private static Map<String, List<Integer>> changeNumbersInApplicationOrder(String prefix) throws Exception {
        Map<String, List<Integer>> byLedger = new LinkedHashMap<>();
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT ledger_id, change_no, sequence FROM test_applied WHERE ledger_id LIKE ? ORDER BY serial")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getLong(3)).as("ce_sequence equals the change number").isEqualTo(rows.getInt(2));
                    byLedger.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getInt(2));
                }
            }
        }
        return byLedger;
    }
}
