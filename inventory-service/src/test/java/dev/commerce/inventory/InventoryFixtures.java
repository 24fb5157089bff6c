package dev.commerce.inventory;

import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Warehouses, SKUs and stock for inventory tests, made through the API; and the ledger-agrees check. */
public final class InventoryFixtures {

    private InventoryFixtures() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPartner() {
        return given().auth().oauth2(TestTokens.partner()).contentType(ContentType.JSON);
    }

    /** A new active warehouse; lower priority numbers ship first. */
    public static String warehouse(int priority) {
        String code = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return asAdmin().body("{\"code\":\"" + code + "\",\"name\":\"W\",\"country\":\"DE\",\"priority\":" + priority + "}")
                .post("/warehouses").then().statusCode(201).extract().path("id");
    }

    public static String sku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void receive(String sku, String warehouseId, int quantity) {
        asAdmin().body("{\"quantity\":" + quantity + ",\"reference\":\"PO-1\"}")
                .post("/stock/" + sku + "/warehouses/" + warehouseId + "/receipts").then().statusCode(200);
    }

    public static long ledgerSum(String sku, String warehouseId) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement sum = db.prepareStatement(
                "SELECT COALESCE(SUM(on_hand_delta), 0) FROM stock_movement WHERE sku = ? AND warehouse_id = ?::uuid")) {
            sum.setString(1, sku);
            sum.setString(2, warehouseId);
            try (ResultSet rows = sum.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every stock item of the SKU equals the sum of its ledger: on hand and reserved can be recomputed from it. */
    public static void assertLedgerAgrees(String sku) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            assertLedgerAgrees(db, sku);
        }
    }

    /** {@link #assertLedgerAgrees(String)} on a given database. */
    public static void assertLedgerAgrees(Connection db, String sku) throws SQLException {
        try (PreparedStatement check = db.prepareStatement("""
                SELECT s.warehouse_id, s.on_hand, s.reserved,
                       COALESCE(SUM(m.on_hand_delta), 0), COALESCE(SUM(m.reserved_delta), 0)
                FROM stock_item s LEFT JOIN stock_movement m ON m.sku = s.sku AND m.warehouse_id = s.warehouse_id
                WHERE s.sku = ? GROUP BY s.warehouse_id, s.on_hand, s.reserved""")) {
            check.setString(1, sku);
            try (ResultSet rows = check.executeQuery()) {
                int items = 0;
                while (rows.next()) {
                    items++;
                    assertThat(rows.getLong(4)).as("on hand of %s in %s from the ledger", sku, rows.getString(1))
                            .isEqualTo(rows.getLong(2));
                    assertThat(rows.getLong(5)).as("reserved of %s in %s from the ledger", sku, rows.getString(1))
                            .isEqualTo(rows.getLong(3));
                }
                assertThat(items).as("stock items of %s", sku).isPositive();
            }
        }
    }
}
