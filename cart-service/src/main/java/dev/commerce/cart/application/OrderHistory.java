package dev.commerce.cart.application;

import dev.commerce.cart.persistence.CustomerOrderCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Counts each customer's confirmed orders from {@code order-confirmed}, for first-order and loyalty promotions.
 * The inbox applies each event once; a guest's order (no customer id) counts for nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHistory {

    private final CustomerOrderCounts counts;

    public OrderHistory(CustomerOrderCounts counts) {
        this.counts = counts;
    }

    public void orderConfirmed(String customerId) {
        if (customerId != null && !customerId.isBlank()) {
            counts.increment(customerId);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int confirmedOrders(String customerId) {
        return customerId == null ? 0 : counts.confirmedOrders(customerId);
    }
}
