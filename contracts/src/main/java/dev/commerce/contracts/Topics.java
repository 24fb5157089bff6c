package dev.commerce.contracts;

/**
 * The Kafka topics of the event catalog ({@code contracts/asyncapi.yaml}), named once for producers and consumers
 * alike. {@code ContractsTest} holds this list and the AsyncAPI channels to each other.
 */
public final class Topics {

    public static final String CATALOG_PRODUCT = "catalog.product.v1";
    public static final String CATALOG_CATEGORY = "catalog.category.v1";
    public static final String INVENTORY_STOCK_LEVEL = "inventory.stock-level.v1";
    public static final String INVENTORY_RESERVATION = "inventory.reservation.v1";
    public static final String CART = "cart.v1";
    public static final String ORDER = "order.v1";
    public static final String PAYMENT = "payment.v1";
    public static final String CUSTOMER = "customer.v1";
    /** Mails for the mailer alone (one-time links): short retention, never read by partners. */
    public static final String CUSTOMER_NOTIFICATION = "customer.notification.v1";

    /** Privacy requests (export, erasure) for every service holding personal data; long enough retention for one that was down. */
    public static final String CUSTOMER_PRIVACY = "customer.privacy.v1";
    /** Each service's answers to privacy requests, for customer-service alone. */
    public static final String CART_PRIVACY = "cart.privacy.v1";
    public static final String ORDER_PRIVACY = "order.privacy.v1";
    public static final String PAYMENT_PRIVACY = "payment.privacy.v1";

    private Topics() {
    }
}
