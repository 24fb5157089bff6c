package dev.commerce.inventory.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.EventContracts;
import dev.commerce.platform.testing.EventProbe;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.commerce.inventory.InventoryFixtures.asAdmin;
import static dev.commerce.inventory.InventoryFixtures.ledgerSum;
import static dev.commerce.inventory.InventoryFixtures.receive;
import static dev.commerce.inventory.InventoryFixtures.sku;
import static dev.commerce.inventory.InventoryFixtures.warehouse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class StockApiTest {

    @Test
    void receipts_adjustments_and_counts_move_stock_and_the_ledger_agrees() throws Exception {
        String sku = sku();
        String berlin = warehouse(1);
        String hamburg = warehouse(2);
        receive(sku, berlin, 10);
        receive(sku, hamburg, 4);
        asAdmin().body("{\"delta\":-2,\"reason\":\"damaged\"}").post("/stock/" + sku + "/warehouses/" + berlin + "/adjustments")
                .then().statusCode(200).body("onHand", equalTo(8));
        asAdmin().header("If-Match", "*").body("{\"onHand\":7,\"reason\":\"cycle count\"}")
                .put("/stock/" + sku + "/warehouses/" + hamburg).then().statusCode(200).body("onHand", equalTo(7));

        asAdmin().get("/stock/" + sku).then().statusCode(200)
                .body("onHand", equalTo(15)).body("reserved", equalTo(0)).body("available", equalTo(15))
                .body("status", equalTo("IN_STOCK")).body("warehouses.size()", equalTo(2));
        asAdmin().queryParam("limit", 3).get("/stock/" + sku + "/movements").then().statusCode(200)
                .body("items.type", contains("RECEIPT", "RECEIPT", "ADJUSTMENT"))
                .body("items.onHandDelta", contains(10, 4, -2));
        assertThat(ledgerSum(sku, berlin)).isEqualTo(8);
        assertThat(ledgerSum(sku, hamburg)).isEqualTo(7);
    }

    @Test
    void the_database_refuses_more_reserved_than_on_hand_for_a_sku_without_backorders() throws Exception {
        String sku = sku();
        String berlin = warehouse(1);
        receive(sku, berlin, 2);
        try (java.sql.Connection db = dev.commerce.platform.testing.TestDatabase.connect();
             java.sql.PreparedStatement oversell = db.prepareStatement(
                     "UPDATE stock_item SET reserved = on_hand + 1 WHERE sku = ?")) {
            oversell.setString(1, sku);
            org.assertj.core.api.Assertions.assertThatThrownBy(oversell::executeUpdate)
                    .hasMessageContaining("stock_item_available_not_negative");
        }
        asAdmin().body("{\"lowStockThreshold\":0,\"backorderable\":true}").put("/stock/" + sku + "/policy")
                .then().statusCode(200);
        try (java.sql.Connection db = dev.commerce.platform.testing.TestDatabase.connect();
             java.sql.PreparedStatement backorder = db.prepareStatement(
                     "UPDATE stock_item SET reserved = on_hand + 1 WHERE sku = ?")) {
            backorder.setString(1, sku);
            assertThat(backorder.executeUpdate()).as("a backorderable SKU may reserve beyond the shelf").isEqualTo(1);
        }
    }

    @Test
    void a_count_of_an_existing_item_needs_if_match() {
        String sku = sku();
        String berlin = warehouse(1);
        receive(sku, berlin, 3);
        asAdmin().body("{\"onHand\":1,\"reason\":\"cycle count\"}").put("/stock/" + sku + "/warehouses/" + berlin)
                .then().statusCode(428).body("type", equalTo("https://commerce.dev/problems/precondition-required"));
        asAdmin().header("If-None-Match", "*").body("{\"onHand\":1,\"reason\":\"cycle count\"}")
                .put("/stock/" + sku + "/warehouses/" + berlin).then().statusCode(412);
        asAdmin().get("/stock/" + sku).then().body("onHand", equalTo(3));
    }

    @Test
    void the_first_count_of_an_item_creates_it_without_a_precondition_or_with_if_none_match() {
        String berlin = warehouse(1);
        asAdmin().body("{\"onHand\":5,\"reason\":\"opening count\"}").put("/stock/" + sku() + "/warehouses/" + berlin)
                .then().statusCode(200).body("onHand", equalTo(5));
        asAdmin().header("If-None-Match", "*").body("{\"onHand\":6,\"reason\":\"opening count\"}")
                .put("/stock/" + sku() + "/warehouses/" + berlin).then().statusCode(200).body("onHand", equalTo(6));
        asAdmin().header("If-Match", "\"3\"").body("{\"onHand\":6,\"reason\":\"opening count\"}")
                .put("/stock/" + sku() + "/warehouses/" + berlin).then().statusCode(412);
    }

    @Test
    void refuses_negative_stock_unknown_warehouses_bad_skus_and_stale_versions() {
        String sku = sku();
        String warehouseId = warehouse(1);
        receive(sku, warehouseId, 2);
        asAdmin().body("{\"delta\":-3,\"reason\":\"x\"}").post("/stock/" + sku + "/warehouses/" + warehouseId + "/adjustments")
                .then().statusCode(409).body("type", equalTo("https://commerce.dev/problems/negative-stock"));
        asAdmin().body("{\"delta\":0,\"reason\":\"x\"}").post("/stock/" + sku + "/warehouses/" + warehouseId + "/adjustments")
                .then().statusCode(400).body("errors[0].field", equalTo("delta"));
        asAdmin().body("{\"quantity\":0}").post("/stock/" + sku + "/warehouses/" + warehouseId + "/receipts")
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        asAdmin().body("{\"quantity\":1}").post("/stock/" + sku + "/warehouses/" + UUID.randomUUID() + "/receipts")
                .then().statusCode(404);
        asAdmin().body("{\"quantity\":1}").post("/stock/bad%20sku/warehouses/" + warehouseId + "/receipts")
                .then().statusCode(400);
        asAdmin().header("If-Match", "\"99\"").body("{\"onHand\":5,\"reason\":\"count\"}")
                .put("/stock/" + sku + "/warehouses/" + warehouseId).then().statusCode(412);
        given().get("/availability/" + sku).then().body("available", equalTo(2));
    }

    @Test
    void a_repeated_receipt_with_the_same_idempotency_key_counts_once() {
        String sku = sku();
        String warehouseId = warehouse(1);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            asAdmin().header("Idempotency-Key", key).body("{\"quantity\":5,\"reference\":\"PO-9\"}")
                    .post("/stock/" + sku + "/warehouses/" + warehouseId + "/receipts").then().statusCode(200)
                    .body("onHand", equalTo(5));
        }
        given().get("/availability/" + sku).then().body("available", equalTo(5));
    }

    @Test
    void availability_tells_in_stock_low_out_and_backorderable_over_active_warehouses() {
        String sku = sku();
        String active = warehouse(1);
        String closing = warehouse(2);
        receive(sku, active, 3);
        receive(sku, closing, 10);
        given().get("/availability/" + sku).then().statusCode(200).body("available", equalTo(13)).body("status", equalTo("IN_STOCK"));

        asAdmin().header("If-Match", "\"0\"").body("{\"name\":\"W\",\"country\":\"DE\",\"priority\":2,\"active\":false}")
                .put("/warehouses/" + closing).then().statusCode(200);
        given().get("/availability/" + sku).then().body("available", equalTo(3)).body("status", equalTo("LOW_STOCK"));

        asAdmin().body("{\"delta\":-3,\"reason\":\"sold offline\"}").post("/stock/" + sku + "/warehouses/" + active + "/adjustments")
                .then().statusCode(200);
        given().get("/availability/" + sku).then().body("status", equalTo("OUT_OF_STOCK"));

        asAdmin().body("{\"lowStockThreshold\":2,\"backorderable\":true,\"expectedRestockDate\":\"2026-12-15\"}")
                .put("/stock/" + sku + "/policy").then().statusCode(200);
        given().get("/availability/" + sku).then().body("status", equalTo("BACKORDERABLE"))
                .body("expectedRestockDate", equalTo("2026-12-15"));
    }

    @Test
    void answers_availability_for_a_batch_of_skus_and_names_the_unknown_ones() {
        String known = sku();
        receive(known, warehouse(1), 1);
        given().queryParam("sku", known, "UNKNOWN-1").get("/availability").then().statusCode(200)
                .body("items.sku", contains(known)).body("unknownSkus", contains("UNKNOWN-1"));
        given().get("/availability/UNKNOWN-2").then().statusCode(404);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= AvailabilityResource.MAX_SKUS; i++) {
            tooMany.add("S" + i);
        }
        given().queryParam("sku", tooMany).get("/availability").then().statusCode(400).body("errors[0].field", equalTo("sku"));
    }

    @Test
    void customers_may_not_manage_stock() {
        given().auth().oauth2(TestTokens.customer("c")).contentType(ContentType.JSON).body("{\"quantity\":1}")
                .post("/stock/" + sku() + "/warehouses/" + UUID.randomUUID() + "/receipts").then().statusCode(403);
        given().auth().oauth2(TestTokens.customer("c")).get("/stock/" + sku()).then().statusCode(403);
    }

    @Test
    void every_level_change_publishes_stock_level_changed_keyed_by_sku() {
        String sku = sku();
        String warehouseId = warehouse(1);
        receive(sku, warehouseId, 4);
        asAdmin().body("{\"delta\":-1,\"reason\":\"x\"}").post("/stock/" + sku + "/warehouses/" + warehouseId + "/adjustments")
                .then().statusCode(200);
        try (EventProbe probe = EventProbe.of("inventory.stock-level.v1")) {
            List<EventProbe.ReceivedEvent> events = probe.awaitEvents(e -> sku.equals(e.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(e -> JsonPath.from(e.payload()).getInt("available")).containsExactly(4, 3);
            assertThat(events).extracting(e -> e.header("ce_sequence")).containsExactly("1", "2");
            for (EventProbe.ReceivedEvent event : events) {
                assertThat(event.header("ce_type")).isEqualTo("commerce.inventory.stock-level-changed.v1");
                EventContracts.assertCatalogued(event.header("ce_type"), event.header("ce_source"));
                EventContracts.assertValidPayload(event.header("ce_type"), event.payload());
            }
        }
    }
}
