package dev.commerce.order.application;

import java.util.UUID;

/**
 * Who calls, as the order use cases need it: a customer (their subject), an admin, a partner (reads orders for an
 * ERP), or a guest with the order token they were given at checkout (null when none was sent).
 */
public record Caller(String customerId, boolean admin, boolean partner, String orderToken) {

    public static Caller guest(String orderToken) {
        return new Caller(null, false, false, orderToken);
    }

    public boolean backOffice() {
        return admin || partner;
    }

    /** Whom an order of this caller is keyed by: the customer, or the guest's cart. */
    public UUID orderIdFor(UUID cartId, String idempotencyKey) {
        return customerId != null ? OrderIds.forCustomer(customerId, idempotencyKey) : OrderIds.forGuest(cartId, idempotencyKey);
    }
}
