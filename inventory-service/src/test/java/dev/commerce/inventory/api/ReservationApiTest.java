package dev.commerce.inventory.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.commerce.inventory.InventoryFixtures.asAdmin;
import static dev.commerce.inventory.InventoryFixtures.asPartner;
import static dev.commerce.inventory.InventoryFixtures.assertLedgerAgrees;
import static dev.commerce.inventory.InventoryFixtures.receive;
import static dev.commerce.inventory.InventoryFixtures.sku;
import static dev.commerce.inventory.InventoryFixtures.warehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class ReservationApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static EventProbe reservationEvents;

    @BeforeAll
    static void listen() {
        reservationEvents = EventProbe.of("inventory.reservation.v1");
    }

    @AfterAll
    static void stopListening() {
        reservationEvents.close();
    }

    private static String reservation(String orderId, String lines) {
        return "{\"orderId\":\"" + orderId + "\",\"lines\":[" + lines + "]}";
    }

    private static String line(String sku, int quantity) {
        return "{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}";
    }

    private static EventProbe.ReceivedEvent awaitEvent(String orderId, String name) {
        EventProbe.ReceivedEvent event = reservationEvents.awaitEvent(e -> orderId.equals(e.key())
                && ("commerce.inventory." + name + ".v1").equals(e.header("ce_type")), DEADLINE);
        EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
        EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
        return event;
    }

    @Test
    void holds_everything_in_the_first_warehouse_that_can_ship_the_whole_order() throws Exception {
        String shoe = sku();
        String sock = sku();
        String berlin = warehouse(1);
        String hamburg = warehouse(2);
        receive(shoe, berlin, 5);
        receive(shoe, hamburg, 2);
        receive(sock, hamburg, 3);
        String orderId = UUID.randomUUID().toString();

        asPartner().header("Idempotency-Key", orderId).body(reservation(orderId, line(shoe, 2) + "," + line(sock, 1)))
                .post("/reservations").then().statusCode(201)
                .header("Location", endsWith("/reservations/" + orderId))
                .body("status", equalTo("ACTIVE")).body("expiresAt", notNullValue())
                .body("lines.warehouseId", contains(hamburg, hamburg)).body("lines.quantity", contains(2, 1));

        asAdmin().get("/stock/" + shoe).then().body("reserved", equalTo(2)).body("available", equalTo(5));
        JsonPath reserved = JsonPath.from(awaitEvent(orderId, "stock-reserved").payload());
        assertThat(reserved.getList("lines.warehouseId")).containsOnly(hamburg);
        assertLedgerAgrees(shoe);
        assertLedgerAgrees(sock);
    }

    @Test
    void splits_a_line_over_warehouses_by_priority_when_none_holds_it_whole() throws Exception {
        String sku = sku();
        String first = warehouse(1);
        String second = warehouse(2);
        receive(sku, first, 3);
        receive(sku, second, 4);
        String orderId = UUID.randomUUID().toString();
        asPartner().body(reservation(orderId, line(sku, 6))).post("/reservations").then().statusCode(201)
                .body("lines.warehouseId", contains(first, second)).body("lines.quantity", contains(3, 3));
        asAdmin().get("/stock/" + sku).then().body("available", equalTo(1));
        assertLedgerAgrees(sku);
    }

    @Test
    void an_order_with_one_short_line_holds_nothing_and_says_which_lines_are_short() throws Exception {
        String plenty = sku();
        String scarce = sku();
        String warehouseId = warehouse(1);
        receive(plenty, warehouseId, 10);
        receive(scarce, warehouseId, 1);
        String unknown = sku();
        String orderId = UUID.randomUUID().toString();

        asPartner().body(reservation(orderId, line(plenty, 2) + "," + line(scarce, 3) + "," + line(unknown, 1)))
                .post("/reservations").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://commerce.dev/problems/insufficient-stock"))
                .body("lines.sku", contains(scarce, unknown)).body("lines.requested", contains(3, 1))
                .body("lines.available", contains(1, 0));
        asAdmin().get("/stock/" + plenty).then().body("reserved", equalTo(0));
        asPartner().get("/reservations/" + orderId).then().statusCode(200).body("status", equalTo("REJECTED"));

        JsonPath rejected = JsonPath.from(awaitEvent(orderId, "stock-reservation-rejected").payload());
        assertThat(rejected.getList("lines.sku")).containsExactly(scarce, unknown);
        // the answer for an order stays the same: a repeat is rejected again, without a second event
        receive(scarce, warehouseId, 5);
        asPartner().body(reservation(orderId, line(plenty, 2) + "," + line(scarce, 3) + "," + line(unknown, 1)))
                .post("/reservations").then().statusCode(409);
        assertLedgerAgrees(plenty);
    }

    @Test
    void a_repeat_for_the_same_order_returns_the_reservation_and_holds_nothing_more() {
        String sku = sku();
        receive(sku, warehouse(1), 5);
        String orderId = UUID.randomUUID().toString();
        String body = reservation(orderId, line(sku, 2));
        String id = asPartner().header("Idempotency-Key", orderId).body(body).post("/reservations")
                .then().statusCode(201).extract().path("id");
        asPartner().header("Idempotency-Key", orderId).body(body).post("/reservations").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(id));
        asPartner().body(body).post("/reservations").then().statusCode(200).body("id", equalTo(id));
        asPartner().body(reservation(orderId, line(sku, 3))).post("/reservations").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/order-already-reserved"));
        asPartner().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/reservations")
                .then().statusCode(400).body("type", equalTo("https://commerce.dev/problems/idempotency-key-mismatch"));
        asAdmin().get("/stock/" + sku).then().body("reserved", equalTo(2));
    }

    @Test
    void commit_takes_the_units_off_the_shelf_once_and_release_after_commit_puts_them_back() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 5);
        String orderId = UUID.randomUUID().toString();
        asPartner().body(reservation(orderId, line(sku, 2))).post("/reservations").then().statusCode(201);

        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(200).body("status", equalTo("COMMITTED"));
        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(200).body("status", equalTo("COMMITTED"));
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(3)).body("reserved", equalTo(0));
        awaitEvent(orderId, "stock-reservation-committed");

        asPartner().post("/reservations/" + orderId + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        asPartner().post("/reservations/" + orderId + "/release").then().statusCode(200).body("status", equalTo("RELEASED"));
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(5)).body("reserved", equalTo(0));
        awaitEvent(orderId, "stock-reservation-released");
        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/reservation-not-active"));
        asAdmin().get("/stock/" + sku + "/movements").then()
                .body("items.type", contains("RECEIPT", "RESERVATION", "COMMIT", "RELEASE"));
        assertThat(reservationEvents.received().stream().filter(e -> orderId.equals(e.key())).count())
                .as("one event per change, none for the repeats").isEqualTo(3);
        assertLedgerAgrees(sku);
    }

    @Test
    void release_makes_held_units_available_again() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 4);
        String orderId = UUID.randomUUID().toString();
        asPartner().body(reservation(orderId, line(sku, 4))).post("/reservations").then().statusCode(201);
        given().get("/availability/" + sku).then().body("available", equalTo(0)).body("status", equalTo("OUT_OF_STOCK"));
        asPartner().post("/reservations/" + orderId + "/release").then().statusCode(200);
        given().get("/availability/" + sku).then().body("available", equalTo(4));
        assertLedgerAgrees(sku);
    }

    @Test
    void an_expired_reservation_gives_its_stock_back_and_says_so() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 3);
        String orderId = UUID.randomUUID().toString();
        asPartner().body("{\"orderId\":\"" + orderId + "\",\"holdSeconds\":1,\"lines\":[" + line(sku, 3) + "]}")
                .post("/reservations").then().statusCode(201);
        await().atMost(DEADLINE).untilAsserted(() ->
                asPartner().get("/reservations/" + orderId).then().body("status", equalTo("EXPIRED")));
        asAdmin().get("/stock/" + sku).then().body("reserved", equalTo(0)).body("available", equalTo(3));
        awaitEvent(orderId, "stock-reservation-expired");
        asAdmin().get("/stock/" + sku + "/movements").then().body("items.type", contains("RECEIPT", "RESERVATION", "EXPIRY"));
        assertLedgerAgrees(sku);
    }

    @Test
    void a_commit_after_expiry_holds_the_stock_again_when_it_is_still_there() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 3);
        String orderId = UUID.randomUUID().toString();
        asPartner().body("{\"orderId\":\"" + orderId + "\",\"holdSeconds\":1,\"lines\":[" + line(sku, 2) + "]}")
                .post("/reservations").then().statusCode(201);
        await().atMost(DEADLINE).untilAsserted(() ->
                asPartner().get("/reservations/" + orderId).then().body("status", equalTo("EXPIRED")));

        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(200).body("status", equalTo("COMMITTED"));
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(1)).body("reserved", equalTo(0));
        awaitEvent(orderId, "stock-reservation-committed");
        assertLedgerAgrees(sku);
    }

    @Test
    void a_commit_after_expiry_fails_when_the_stock_was_sold_meanwhile() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 2);
        String late = UUID.randomUUID().toString();
        asPartner().body("{\"orderId\":\"" + late + "\",\"holdSeconds\":1,\"lines\":[" + line(sku, 2) + "]}")
                .post("/reservations").then().statusCode(201);
        await().atMost(DEADLINE).untilAsserted(() ->
                asPartner().get("/reservations/" + late).then().body("status", equalTo("EXPIRED")));
        String quick = UUID.randomUUID().toString();
        asPartner().body(reservation(quick, line(sku, 2))).post("/reservations").then().statusCode(201);

        asPartner().post("/reservations/" + late + "/commit").then().statusCode(409)
                .body("type", equalTo("https://commerce.dev/problems/insufficient-stock"))
                .body("lines[0].requested", equalTo(2)).body("lines[0].available", equalTo(0));
        asPartner().get("/reservations/" + late).then().body("status", equalTo("COMMIT_FAILED"));
        JsonPath failed = JsonPath.from(awaitEvent(late, "stock-commit-failed").payload());
        assertThat(failed.getString("lines[0].sku")).isEqualTo(sku);
        asAdmin().get("/stock/" + sku).then().body("reserved", equalTo(2)).body("onHand", equalTo(2));
        assertLedgerAgrees(sku);
    }

    @Test
    void a_backorderable_sku_is_held_beyond_the_shelf_and_committed_ahead_of_the_restock() throws Exception {
        String sku = sku();
        String warehouseId = warehouse(1);
        receive(sku, warehouseId, 1);
        asAdmin().body("{\"lowStockThreshold\":0,\"backorderable\":true,\"expectedRestockDate\":\"2026-12-20\"}")
                .put("/stock/" + sku + "/policy").then().statusCode(200);
        String orderId = UUID.randomUUID().toString();
        asPartner().body(reservation(orderId, line(sku, 3))).post("/reservations").then().statusCode(201)
                .body("lines.quantity", contains(3));
        given().get("/availability/" + sku).then().body("available", equalTo(0)).body("status", equalTo("BACKORDERABLE"))
                .body("expectedRestockDate", equalTo("2026-12-20"));
        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(200);
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(-2));
        receive(sku, warehouseId, 5);
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(3)).body("available", equalTo(3));
        assertLedgerAgrees(sku);
    }

    /**
     * Requests arriving together are reserved together (one transaction per batch): each order is still all or
     * nothing and held once, repeats of an order in flight at the same time get its one reservation, and the stock
     * runs out exactly where it should.
     */
    @Test
    void concurrent_requests_each_hold_their_order_once_and_never_beyond_the_stock() throws Exception {
        String sku = sku();
        receive(sku, warehouse(1), 15);
        receive(sku, warehouse(2), 10);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            orders.add(UUID.randomUUID().toString());
        }
        List<String> sent = new ArrayList<>();
        orders.forEach(order -> sent.addAll(List.of(order, order, order))); // every order three times at once
        Collections.shuffle(sent);
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (String order : sent) {
                answers.add(clients.submit(() -> asPartner().body(reservation(order, line(sku, 1))).post("/reservations")));
            }
            Map<String, Set<String>> idsByOrder = new HashMap<>();
            Map<String, List<Integer>> statusesByOrder = new HashMap<>();
            for (int i = 0; i < sent.size(); i++) {
                io.restassured.response.Response answer = answers.get(i).get(30, TimeUnit.SECONDS);
                statusesByOrder.computeIfAbsent(sent.get(i), k -> new ArrayList<>()).add(answer.statusCode());
                String id = answer.statusCode() == 409 ? "rejected" : answer.path("id");
                idsByOrder.computeIfAbsent(sent.get(i), k -> new HashSet<>()).add(id);
            }
            assertThat(idsByOrder.values()).as("one answer per order").allMatch(ids -> ids.size() == 1);
            long held = statusesByOrder.values().stream().filter(statuses -> statuses.contains(201)).count();
            assertThat(held).as("orders held").isEqualTo(25);
            assertThat(statusesByOrder.values()).as("a held order: created once, then returned as it is")
                    .filteredOn(statuses -> statuses.contains(201))
                    .allMatch(statuses -> statuses.stream().sorted().toList().equals(List.of(200, 200, 201)));
        } finally {
            clients.shutdownNow();
        }
        asAdmin().get("/stock/" + sku).then().body("reserved", equalTo(25)).body("available", equalTo(0));
        assertLedgerAgrees(sku);
    }

    @Test
    void refuses_bad_lines_unknown_orders_and_callers_without_the_role() {
        String orderId = UUID.randomUUID().toString();
        asPartner().body(reservation(orderId, line("SKU-1", 0))).post("/reservations").then().statusCode(400)
                .body("errors.field", contains("lines[0].quantity"));
        asPartner().body(reservation(orderId, line("SKU-1", -2) + "," + line("bad sku", 1))).post("/reservations")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("lines[0].quantity", "lines[1].sku"));
        asPartner().body(reservation(orderId, "")).post("/reservations").then().statusCode(400)
                .body("errors.field", contains("lines"));
        asPartner().body("{\"lines\":[" + line("SKU-1", 1) + "]}").post("/reservations").then().statusCode(400)
                .body("errors.field", contains("orderId"));
        asPartner().body("{\"orderId\":\"" + orderId + "\",\"holdSeconds\":0,\"lines\":[" + line("SKU-1", 1) + "]}")
                .post("/reservations").then().statusCode(400).body("errors.field", contains("holdSeconds"));
        asPartner().get("/reservations/" + orderId).then().statusCode(404)
                .body("type", equalTo("https://commerce.dev/problems/not-found"));
        asPartner().post("/reservations/" + orderId + "/commit").then().statusCode(404);
        asPartner().post("/reservations/" + orderId + "/release").then().statusCode(404);
        asPartner().get("/reservations/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(TestTokens.customer("c")).contentType(ContentType.JSON)
                .body(reservation(orderId, line("SKU-1", 1))).post("/reservations").then().statusCode(403);
        given().contentType(ContentType.JSON).body(reservation(orderId, line("SKU-1", 1))).post("/reservations")
                .then().statusCode(401);
    }
}
