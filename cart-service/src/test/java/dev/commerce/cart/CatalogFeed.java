package dev.commerce.cart;

import dev.commerce.platform.testing.TestDatabase;
import dev.commerce.platform.testing.TestEvents;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays catalog-service and inventory-service for cart tests: publishes products and stock levels as their outboxes
 * would (numbered per aggregate), and waits until cart-service's read models hold them.
 */
public final class CatalogFeed implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final TestEvents catalog = TestEvents.as("catalog-service");
    private final TestEvents inventory = TestEvents.as("inventory-service");
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    public CatalogFeed() {
        TestEvents.ensureTopic("catalog.product.v1");
        TestEvents.ensureTopic("inventory.stock-level.v1");
        TestEvents.ensureTopic("order.v1");
    }

    /** A product with one variant, as a builder of the event's fields. */
    public static final class Product {
        final String productId = UUID.randomUUID().toString();
        final String variantId = UUID.randomUUID().toString();
        public final String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        String status = "ACTIVE";
        String prices = "[{\"amount\":\"10.00\",\"currency\":\"EUR\"}]";
        String taxCategory = "standard";
        boolean active = true;

        public Product priced(String pricesJson) {
            this.prices = pricesJson;
            return this;
        }

        public Product eur(String amount) {
            return priced("[{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}]");
        }

        public Product status(String status) {
            this.status = status;
            return this;
        }

        public Product taxCategory(String category) {
            this.taxCategory = category;
            return this;
        }

        public Product variantActive(boolean active) {
            this.active = active;
            return this;
        }

        public String productId() {
            return productId;
        }

        String json() {
            return """
                    {"productId":"%s","slug":"p-%s","name":"Product %s","status":"%s","taxCategory":"%s",
                     "categoryIds":[],"media":[{"url":"https://cdn.example.com/%s.jpg","type":"IMAGE","position":0}],
                     "variants":[{"variantId":"%s","sku":"%s","options":{"size":"M"},"prices":%s,"weightGrams":500,"active":%s}]}"""
                    .formatted(productId, productId, sku, status, taxCategory, sku, variantId, sku, prices, active);
        }
    }

    public static Product product() {
        return new Product();
    }

    /** Publishes the product's current state and waits until the read model has applied it. */
    public Product publish(Product product) {
        long sequence = next(product.productId);
        catalog.publish("catalog.product.v1", "commerce.catalog.product-upserted.v1", product.productId, sequence,
                product.json());
        awaitPosition("cart-service.catalog", product.productId, sequence);
        return product;
    }

    /** Publishes an upsert numbered below what was applied: a late, stale delivery. */
    public String publishStale(Product product, long sequence) {
        return catalog.publish("catalog.product.v1", "commerce.catalog.product-upserted.v1", product.productId, sequence,
                product.json());
    }

    public void archive(Product product) {
        long sequence = next(product.productId);
        catalog.publish("catalog.product.v1", "commerce.catalog.product-archived.v1", product.productId, sequence,
                "{\"productId\":\"" + product.productId + "\",\"skus\":[\"" + product.sku + "\"]}");
        awaitPosition("cart-service.catalog", product.productId, sequence);
    }

    /** Publishes the SKU's level and waits until the read model has applied it. */
    public void stock(String sku, long available, String status) {
        long sequence = next("stock:" + sku);
        inventory.publish("inventory.stock-level.v1", "commerce.inventory.stock-level-changed.v1", sku, sequence,
                "{\"sku\":\"%s\",\"onHand\":%d,\"reserved\":0,\"available\":%d,\"status\":\"%s\"}"
                        .formatted(sku, Math.max(0, available), available, status));
        awaitStockLevel(sku, sequence);
    }

    /** Publishes a level of the SKU numbered below what was applied: a late, stale delivery; returns its event id. */
    public String publishStaleStock(String sku, long sequence, long available, String status) {
        return inventory.publish("inventory.stock-level.v1", "commerce.inventory.stock-level-changed.v1", sku, sequence,
                "{\"sku\":\"%s\",\"onHand\":%d,\"reserved\":0,\"available\":%d,\"status\":\"%s\"}"
                        .formatted(sku, Math.max(0, available), available, status));
    }

    /** Waits until the catalog consumer has handled the event (applied or ignored as stale). */
    public void awaitHandled(String eventId) {
        awaitHandled("cart-service.catalog", eventId);
    }

    /** Waits until {@code consumer} has handled the event (applied or ignored as stale). */
    public void awaitHandled(String consumer, String eventId) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT 1 FROM inbox_event WHERE consumer = ? AND event_id = ?")) {
                query.setString(1, consumer);
                query.setString(2, eventId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** A sellable product in EUR with {@code units} in stock. */
    public Product stocked(Product product, long units) {
        publish(product);
        stock(product.sku, units, units > 0 ? "IN_STOCK" : "OUT_OF_STOCK");
        return product;
    }

    public long sequenceOf(Product product) {
        return sequences.get(product.productId).get();
    }

    private long next(String aggregate) {
        return sequences.computeIfAbsent(aggregate, key -> new AtomicLong()).incrementAndGet();
    }

    /** The stock-level read model keeps each SKU's sequence in its row. */
    private static void awaitStockLevel(String sku, long sequence) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT sequence FROM stock_level WHERE sku = ?")) {
                query.setString(1, sku);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getLong(1) >= sequence;
                }
            }
        });
    }

    private static void awaitPosition(String consumer, String aggregate, long sequence) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Connection db = TestDatabase.connect(); PreparedStatement query = db.prepareStatement(
                    "SELECT last_sequence FROM inbox_aggregate_position WHERE consumer = ? AND aggregate_id = ?")) {
                query.setString(1, consumer);
                query.setString(2, aggregate);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getLong(1) >= sequence;
                }
            }
        });
    }

    @Override
    public void close() {
        catalog.close();
        inventory.close();
    }
}
