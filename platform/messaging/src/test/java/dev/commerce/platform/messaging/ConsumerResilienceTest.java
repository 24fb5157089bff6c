package dev.commerce.platform.messaging;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.commerce.platform.messaging.LedgerRecords.count;
import static dev.commerce.platform.messaging.LedgerRecords.producer;
import static dev.commerce.platform.messaging.LedgerRecords.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Consumers survive what the infrastructure does to them: the service's database connections cut (through a TCP
 * proxy; the machine's PostgreSQL server is shared and never stopped) while events flow, a loop that dies, and the
 * context of the request that caused an event restored around its handler.
 */
@QuarkusTest
@QuarkusTestResource(value = CommerceTestResource.class,
        initArgs = {@ResourceArg(name = CommerceTestResource.KAFKA_ARG, value = "restartable"),
                @ResourceArg(name = CommerceTestResource.DATABASE_ARG, value = "proxied")})
class ConsumerResilienceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @BeforeEach
    void infrastructureIsUp() {
        TestKafka.restartableBroker().startAgain();
        TestDatabase.proxy().restore();
    }

    @AfterEach
    void databaseBack() {
        TestDatabase.proxy().restore();
    }

    @Test
    void events_that_arrive_while_the_database_is_cut_are_applied_exactly_once_and_none_is_dead_lettered() throws Exception {
        String prefix = "cut-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> eventIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 30; i++) {
                send(producer, prefix, i, eventIds);
            }
            TestDatabase.proxy().cut();
            // events keep coming, one every 80 ms for about 5 s, while the database is unreachable
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(80))
                    .until(() -> send(producer, prefix, eventIds.size(), eventIds) >= 90);
            for (int i = 90; i < 120; i++) {
                send(producer, prefix, i, eventIds);
            }
        }
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/health/well").then()
                .body("checks.find { it.name == 'event-consumers' }.data.'" + LedgerConsumer.NAME + "'",
                        containsString("WAITING_FOR_INFRASTRUCTURE")));
        TestDatabase.proxy().restore();

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix) >= 120);
        assertThat(count("SELECT count(*) FROM test_applied WHERE ledger_id LIKE ?", prefix)).isEqualTo(120);
        assertThat(count("SELECT count(DISTINCT event_id) FROM test_applied WHERE ledger_id LIKE ?", prefix)).isEqualTo(120);
        assertThat(countDeadLetters(eventIds)).as("nothing dead-lettered for an outage").isZero();
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/health/well").then()
                .body("checks.find { it.name == 'event-consumers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-consumers' }.data.'" + LedgerConsumer.NAME + "'",
                        containsString("RUNNING")));
    }

    @Test
    void a_consumer_loop_that_dies_is_restarted_shown_down_meanwhile_and_applies_the_event_afterwards() throws Exception {
        String ledger = "fatal-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        LedgerConsumer.FATAL_FAILURES.set(3); // three deaths: restarts after 1 s, 2 s and 4 s
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(ledger, eventId, "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":1,\"fatal\":true}", null)).get();
        }
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/q/health/well").then().statusCode(503)
                        .body("checks.find { it.name == 'event-consumers' }.data.'" + LedgerConsumer.NAME + "'",
                                containsString("DOWN")));
        given().get("/q/metrics").then().body(containsString("commerce_consumer_up{consumer=\"" + LedgerConsumer.NAME + "\"} 0.0"));

        Awaitility.await().atMost(DEADLINE)
                .until(() -> count("SELECT count(*) FROM test_applied WHERE event_id = ?", eventId) == 1);
        Awaitility.await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/health/well").then()
                .body("checks.find { it.name == 'event-consumers' }.status", equalTo("UP")));
        given().get("/q/metrics").then()
                .body(containsString("commerce_consumer_up{consumer=\"" + LedgerConsumer.NAME + "\"} 1.0"))
                .body(containsString("commerce_consumer_restarts_total{consumer=\"" + LedgerConsumer.NAME + "\"} 3.0"));
    }

    @Test
    void a_handler_runs_in_the_trace_of_the_request_that_caused_its_event() throws Exception {
        String ledger = "traced-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(ledger, UUID.randomUUID().toString(), "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":1}",
                    "00-" + traceId + "-00f067aa0ba902b7-01")).get();
        }
        Awaitility.await().atMost(DEADLINE).until(() -> LedgerConsumer.TRACE_IDS.containsKey(ledger + "#1"));
        assertThat(LedgerConsumer.TRACE_IDS.get(ledger + "#1")).isEqualTo(traceId);
    }

    @Test
    void a_payload_that_does_not_fit_its_record_is_dead_lettered_without_retries() throws Exception {
        String ledger = "malformed-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(ledger, eventId, "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":\"many\"}", null)).get();
        }
        Awaitility.await().atMost(DEADLINE).until(() -> countDeadLetters(List.of(eventId)) == 1);
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT attempts, error FROM dead_letter WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(1);
                assertThat(row.getString(2)).contains("MalformedEvent").contains("LedgerChanged");
            }
        }
        given().get("/q/health/well").then().body("checks.name", hasItem("event-consumers"));
    }

    /** Sends change {@code i} of one of 12 ledgers; returns how many were sent. */
    private static int send(KafkaProducer<String, String> producer, String prefix, int i, List<String> eventIds)
            throws Exception {
        String ledger = prefix + (i % 12);
        String eventId = UUID.randomUUID().toString();
        producer.send(record(ledger, eventId, "{\"ledgerId\":\"" + ledger + "\",\"changeNo\":" + i + "}", null)).get();
        eventIds.add(eventId);
        return eventIds.size();
    }

    private static long countDeadLetters(List<String> eventIds) throws Exception {
        try (Connection db = TestDatabase.connect();
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM dead_letter WHERE event_id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
