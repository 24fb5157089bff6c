package dev.commerce.platform.local;

/** The six services of the platform: module directory, default HTTP port and database. */
public enum PlatformService {
    CATALOG("catalog-service", 8081, "catalog"),
    CART("cart-service", 8082, "cart"),
    ORDER("order-service", 8083, "orders"),
    INVENTORY("inventory-service", 8084, "inventory"),
    PAYMENT("payment-service", 8085, "payments"),
    CUSTOMER("customer-service", 8086, "customers");

    private final String serviceName;
    private final int defaultPort;
    private final String database;

    PlatformService(String serviceName, int defaultPort, String database) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
