package dev.commerce.cart.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Confirmed orders per customer, as order-service (order-confirmed) and customer-service (customer-upserted) announced them. */
@ApplicationScoped
public class CustomerOrderCounts {

    private final EntityManager entityManager;

    public CustomerOrderCounts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(String customerId) {
        entityManager.createNativeQuery("""
                        INSERT INTO customer_order_count (customer_id, confirmed_orders) VALUES (?1, 1)
                        ON CONFLICT (customer_id) DO UPDATE SET confirmed_orders = customer_order_count.confirmed_orders + 1""")
                .setParameter(1, customerId).executeUpdate();
    }

    /**
     * The customer's confirmed orders: the larger of this service's own count (order-confirmed, fresher) and
     * customer-service's (customer-upserted, complete even for orders order.v1 no longer retains).
     */
    public int confirmedOrders(String customerId) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT GREATEST(COALESCE((SELECT confirmed_orders FROM customer_order_count WHERE customer_id = ?1), 0),
                                        COALESCE((SELECT confirmed_orders FROM customer_profile WHERE customer_id = ?1), 0))""")
                .setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
