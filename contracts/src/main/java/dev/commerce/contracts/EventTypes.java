package dev.commerce.contracts;

/**
 * The CloudEvents types ({@code ce_type}) of the event catalog ({@code contracts/asyncapi.yaml}), declared once:
 * the producer records with them and consumers declare their handlers with them. {@code ContractsTest} holds this
 * list and the AsyncAPI messages to each other, so a misspelt type cannot compile into either side.
 */
public final class EventTypes {

    public static final String PRODUCT_UPSERTED = "commerce.catalog.product-upserted.v1";
    public static final String PRODUCT_ARCHIVED = "commerce.catalog.product-archived.v1";
    public static final String CATEGORY_UPSERTED = "commerce.catalog.category-upserted.v1";
    public static final String CATEGORY_DELETED = "commerce.catalog.category-deleted.v1";

    public static final String STOCK_LEVEL_CHANGED = "commerce.inventory.stock-level-changed.v1";
    public static final String STOCK_RESERVED = "commerce.inventory.stock-reserved.v1";
    public static final String STOCK_RESERVATION_REJECTED = "commerce.inventory.stock-reservation-rejected.v1";
    public static final String STOCK_RESERVATION_EXPIRED = "commerce.inventory.stock-reservation-expired.v1";
    public static final String STOCK_RESERVATION_COMMITTED = "commerce.inventory.stock-reservation-committed.v1";
    public static final String STOCK_RESERVATION_RELEASED = "commerce.inventory.stock-reservation-released.v1";
    public static final String STOCK_COMMIT_FAILED = "commerce.inventory.stock-commit-failed.v1";

    public static final String CART_UPDATED = "commerce.cart.cart-updated.v1";
    public static final String CART_ABANDONED = "commerce.cart.cart-abandoned.v1";

    public static final String ORDER_PLACED = "commerce.order.order-placed.v1";
    public static final String PAYMENT_REQUESTED = "commerce.order.payment-requested.v1";
    public static final String ORDER_CONFIRMED = "commerce.order.order-confirmed.v1";
    public static final String ORDER_CANCELLED = "commerce.order.order-cancelled.v1";
    public static final String AUTHORIZATION_VOID_REQUESTED = "commerce.order.authorization-void-requested.v1";
    public static final String ORDER_SHIPPED = "commerce.order.order-shipped.v1";
    public static final String ORDER_DELIVERED = "commerce.order.order-delivered.v1";
    public static final String RETURN_REQUESTED = "commerce.order.return-requested.v1";
    public static final String RETURN_RECEIVED = "commerce.order.return-received.v1";

    public static final String PAYMENT_AUTHORIZED = "commerce.payment.payment-authorized.v1";
    public static final String PAYMENT_DECLINED = "commerce.payment.payment-declined.v1";
    public static final String PAYMENT_ACTION_REQUIRED = "commerce.payment.payment-action-required.v1";
    public static final String PAYMENT_CAPTURED = "commerce.payment.payment-captured.v1";
    public static final String PAYMENT_VOIDED = "commerce.payment.payment-voided.v1";
    public static final String PAYMENT_REFUNDED = "commerce.payment.payment-refunded.v1";

    public static final String CUSTOMER_UPSERTED = "commerce.customer.customer-upserted.v1";
    public static final String EMAIL_VERIFICATION_REQUESTED = "commerce.customer.email-verification-requested.v1";
    public static final String PASSWORD_RESET_REQUESTED = "commerce.customer.password-reset-requested.v1";
    public static final String SIGN_UP_WITH_REGISTERED_EMAIL = "commerce.customer.sign-up-with-registered-email.v1";
    public static final String PRIVACY_EXPORT_REQUESTED = "commerce.customer.privacy-export-requested.v1";
    public static final String CUSTOMER_ERASED = "commerce.customer.customer-erased.v1";
    public static final String CART_PRIVACY_EXPORT_PART = "commerce.cart.privacy-export-part.v1";
    public static final String CART_PRIVACY_ERASURE_COMPLETED = "commerce.cart.privacy-erasure-completed.v1";
    public static final String ORDER_PRIVACY_EXPORT_PART = "commerce.order.privacy-export-part.v1";
    public static final String ORDER_PRIVACY_ERASURE_COMPLETED = "commerce.order.privacy-erasure-completed.v1";
    public static final String PAYMENT_PRIVACY_EXPORT_PART = "commerce.payment.privacy-export-part.v1";
    public static final String PAYMENT_PRIVACY_ERASURE_COMPLETED = "commerce.payment.privacy-erasure-completed.v1";

    private EventTypes() {
    }
}
