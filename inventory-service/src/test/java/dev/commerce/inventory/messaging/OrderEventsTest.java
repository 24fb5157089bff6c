package dev.commerce.inventory.messaging;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import dev.commerce.platform.messaging.inbox.InboxProcessor;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.commerce.inventory.InventoryFixtures.asAdmin;
import static dev.commerce.inventory.InventoryFixtures.receive;
import static dev.commerce.inventory.InventoryFixtures.sku;
import static dev.commerce.inventory.InventoryFixtures.warehouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** inventory's part of the checkout saga, driven by order events on the broker, answered on the broker. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderEventsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static TestEvents orderService;
    private static EventProbe answers;

    @Inject
    InboxProcessor inbox;
    @Inject
    OrderEventsConsumer consumer;

    @BeforeAll
    static void connect() {
        TestEvents.ensureTopic(OrderEvents.TOPIC);
        orderService = TestEvents.as("order-service");
        answers = EventProbe.of("inventory.reservation.v1");
    }

    @AfterAll
    static void disconnect() {
        orderService.close();
        answers.close();
    }

    private static String stocked(String warehouseId, int units) {
        String sku = sku();
        receive(sku, warehouseId, units);
        return sku;
    }

    private static List<EventProbe.ReceivedEvent> answersFor(String orderId, String name, int count) {
        List<EventProbe.ReceivedEvent> events = answers.awaitEvents(e -> orderId.equals(e.key())
                && ("commerce.inventory." + name + ".v1").equals(e.header("ce_type")), count, DEADLINE);
        events.forEach(event -> EventContracts.assertValidPayload(event.header("ce_type"), event.payload()));
        return events;
    }

    private static List<String> answerTypes(String orderId) {
        return answers.received().stream().filter(e -> orderId.equals(e.key())).map(e -> e.header("ce_type")).toList();
    }

    /** Whether inventory's order consumer has handled the event (its inbox holds the id). */
    private static boolean consumed(String eventId) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT 1 FROM inbox_event WHERE consumer = 'inventory-service.orders' AND event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Test
    void placed_reserves_confirmed_commits_and_redeliveries_change_nothing() {
        String warehouseId = warehouse(1);
        String sku = stocked(warehouseId, 5);
        String orderId = UUID.randomUUID().toString();
        OrderEvents order = new OrderEvents(orderService, orderId);

        String placed = order.placed(Map.of(sku, 2));
        JsonPath reserved = JsonPath.from(answersFor(orderId, "stock-reserved", 1).get(0).payload());
        assertThat(reserved.getString("lines[0].warehouseId")).isEqualTo(warehouseId);
        assertThat(reserved.getInt("lines[0].quantity")).isEqualTo(2);

        order.redeliver(placed);
        order.placed(Map.of(sku, 2)); // the same fact published again under a new id
        String confirmed = order.confirmed();
        answersFor(orderId, "stock-reservation-committed", 1);
        order.redeliver(confirmed);
        order.confirmed();
        order.cancelled(); // the marker: once its release is answered, everything before it was handled
        answersFor(orderId, "stock-reservation-released", 1);

        assertThat(answerTypes(orderId)).containsExactly("commerce.inventory.stock-reserved.v1",
                "commerce.inventory.stock-reservation-committed.v1", "commerce.inventory.stock-reservation-released.v1");
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
        asAdmin().get("/stock/" + sku + "/movements").then()
                .body("items.type", contains("RECEIPT", "RESERVATION", "COMMIT", "RELEASE"));
    }

    @Test
    void cancelled_releases_what_placed_reserved() {
        String sku = stocked(warehouse(1), 3);
        String orderId = UUID.randomUUID().toString();
        OrderEvents order = new OrderEvents(orderService, orderId);
        order.placed(Map.of(sku, 3));
        answersFor(orderId, "stock-reserved", 1);
        asAdmin().get("/stock/" + sku).then().body("available", equalTo(0));
        order.cancelled();
        answersFor(orderId, "stock-reservation-released", 1);
        asAdmin().get("/stock/" + sku).then().body("available", equalTo(3)).body("reserved", equalTo(0));
    }

    @Test
    void an_order_short_of_stock_or_for_unknown_skus_is_rejected_with_what_is_available() {
        String scarce = stocked(warehouse(1), 1);
        String unknown = "SKU-NEVER-STOCKED-" + UUID.randomUUID().toString().substring(0, 6);
        String orderId = UUID.randomUUID().toString();
        new OrderEvents(orderService, orderId).placed(Map.of(scarce, 2, unknown, 1));

        JsonPath rejected = JsonPath.from(answersFor(orderId, "stock-reservation-rejected", 1).get(0).payload());
        assertThat(rejected.getList("lines", Map.class)).containsExactlyInAnyOrder(
                Map.of("sku", scarce, "requested", 2, "available", 1), Map.of("sku", unknown, "requested", 1, "available", 0));
        asAdmin().get("/stock/" + scarce).then().body("reserved", equalTo(0));
    }

    @Test
    void a_confirmation_for_an_order_without_a_reservation_is_answered_with_commit_failed() {
        String orderId = UUID.randomUUID().toString();
        new OrderEvents(orderService, orderId).confirmed();
        JsonPath failed = JsonPath.from(answersFor(orderId, "stock-commit-failed", 1).get(0).payload());
        assertThat(failed.getString("reservationId")).isNull();
        assertThat(failed.getList("lines")).isEmpty();
    }

    @Test
    void a_return_goes_back_to_the_warehouse_it_shipped_from_once() {
        warehouse(1);
        String shippedFrom = warehouse(2);
        String sku = stocked(shippedFrom, 4);
        String orderId = UUID.randomUUID().toString();
        OrderEvents order = new OrderEvents(orderService, orderId);
        order.placed(Map.of(sku, 2));
        order.confirmed();
        answersFor(orderId, "stock-reservation-committed", 1);

        String returnId = UUID.randomUUID().toString();
        String returned = order.returnReceived(returnId, sku, 1);
        order.redeliver(returned);
        String republished = order.returnReceived(returnId, sku, 1);
        // the republished event is the last of the order's partition: once it is consumed, so are the others
        await().atMost(DEADLINE).until(() -> consumed(republished));
        asAdmin().get("/stock/" + sku).then()
                .body("warehouses.find { it.warehouseId == '" + shippedFrom + "' }.onHand", equalTo(3));
        asAdmin().get("/stock/" + sku + "/movements").then()
                .body("items.type", contains("RECEIPT", "RESERVATION", "COMMIT", "RETURN"));
    }

    @Test
    void orders_placed_in_one_poll_are_reserved_together_each_as_if_alone_and_in_its_own_trace() throws Exception {
        String sku = stocked(warehouse(1), 3);
        List<String> orderIds = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<String> traceIds = orderIds.stream().map(id -> id.replace("-", "")).toList();
        List<IncomingEvent> poll = IntStream.range(0, 4).mapToObj(i -> polled("order-placed", orderIds.get(i), 1,
                OrderEvents.placedPayload(orderIds.get(i), Map.of(sku, 1)), traceIds.get(i), "checkout-" + i)).toList();

        assertThat(inbox.processTogether(consumer, poll)).isEqualTo(4);

        // in the poll's order, on the same 3 units: three held, the fourth short, nothing oversold
        for (int i = 0; i < 3; i++) {
            EventProbe.ReceivedEvent reserved = answersFor(orderIds.get(i), "stock-reserved", 1).get(0);
            assertThat(reserved.header("traceparent")).as("the trace of its order-placed").contains(traceIds.get(i));
            assertThat(reserved.header("x-request-id")).isEqualTo("checkout-" + i);
        }
        EventProbe.ReceivedEvent rejected = answersFor(orderIds.get(3), "stock-reservation-rejected", 1).get(0);
        assertThat(rejected.header("traceparent")).contains(traceIds.get(3));
        assertThat(JsonPath.from(rejected.payload()).getList("lines", Map.class))
                .containsExactly(Map.of("sku", sku, "requested", 1, "available", 0));
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(3)).body("reserved", equalTo(3));
        asAdmin().get("/stock/" + sku + "/movements").then()
                .body("items.type", contains("RECEIPT", "RESERVATION", "RESERVATION", "RESERVATION"));
        List<Long> transactions = transactionsOfReservations(orderIds);
        assertThat(transactions).as("four reservations (one rejected), written by one transaction").hasSize(4)
                .containsOnly(transactions.get(0));
        // one lock of the SKU's stock for the whole poll: its level is announced once, not once per order
        try (EventProbe levels = EventProbe.of("inventory.stock-level.v1")) {
            levels.awaitEvent(e -> sku.equals(e.key()) && JsonPath.from(e.payload()).getInt("reserved") == 3, DEADLINE);
            assertThat(levels.received().stream().filter(e -> sku.equals(e.key()))
                    .map(e -> JsonPath.from(e.payload()).getInt("reserved")))
                    .as("reserved after the receipt, after the poll").containsExactly(0, 3);
        }
    }

    @Test
    void orders_confirmed_in_one_poll_are_committed_together_and_one_without_reservation_is_answered() throws Exception {
        String sku = stocked(warehouse(1), 5);
        List<String> orderIds = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID().toString()).toList();
        String unknown = UUID.randomUUID().toString();
        inbox.processTogether(consumer, orderIds.stream().map(id -> polled("order-placed", id, 1,
                OrderEvents.placedPayload(id, Map.of(sku, 1)), null, null)).toList());
        List<String> confirmed = new ArrayList<>(orderIds);
        confirmed.add(1, unknown);
        List<IncomingEvent> poll = confirmed.stream().map(id -> polled("order-confirmed", id, 2,
                "{\"orderId\":\"" + id + "\",\"orderNumber\":\"C-1\"}", id.replace("-", ""), null)).toList();

        assertThat(inbox.processTogether(consumer, poll)).isEqualTo(4);

        for (String orderId : orderIds) {
            assertThat(answersFor(orderId, "stock-reservation-committed", 1).get(0).header("traceparent"))
                    .contains(orderId.replace("-", ""));
        }
        EventProbe.ReceivedEvent failed = answersFor(unknown, "stock-commit-failed", 1).get(0);
        assertThat(failed.header("traceparent")).contains(unknown.replace("-", ""));
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(2)).body("reserved", equalTo(0));
        asAdmin().get("/stock/" + sku + "/movements").then().body("items.type", contains("RECEIPT",
                "RESERVATION", "RESERVATION", "RESERVATION", "COMMIT", "COMMIT", "COMMIT"));
        try (EventProbe levels = EventProbe.of("inventory.stock-level.v1")) {
            levels.awaitEvent(e -> sku.equals(e.key()) && JsonPath.from(e.payload()).getInt("onHand") == 2, DEADLINE);
            assertThat(levels.received().stream().filter(e -> sku.equals(e.key()))
                    .map(e -> JsonPath.from(e.payload()).getInt("onHand") + "/" + JsonPath.from(e.payload()).getInt("reserved")))
                    .as("on hand/reserved after the receipt, the placed poll and the confirmed poll")
                    .containsExactly("5/0", "5/3", "2/0");
        }
    }

    /** An order event as a poll brings it, with the trace and request id of the checkout it belongs to (when given). */
    private static IncomingEvent polled(String name, String orderId, long sequence, String payload, String traceId,
                                        String requestId) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", OrderEvents.ceType(name), "ce_source", "order-service", "ce_subject", orderId,
                "ce_sequence", Long.toString(sequence)));
        if (traceId != null) {
            headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        }
        if (requestId != null) {
            headers.put("x-request-id", requestId);
        }
        return IncomingEvent.of(headers, payload, OrderEvents.TOPIC, 0, sequence);
    }

    /** The transaction that wrote each of the orders' reservations. */
    private static List<Long> transactionsOfReservations(List<String> orderIds) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT xmin::text::bigint FROM reservation WHERE order_id = ANY(?::uuid[])")) {
            query.setArray(1, db.createArrayOf("varchar", orderIds.toArray()));
            List<Long> transactions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    transactions.add(rows.getLong(1));
                }
            }
            return transactions;
        }
    }
}
