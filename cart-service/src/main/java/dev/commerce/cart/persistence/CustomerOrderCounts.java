package dev.commerce.cart.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Confirmed orders per customer, as order-service announced them (order-confirmed on order.v1). */
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

    public int confirmedOrders(String customerId) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT confirmed_orders FROM customer_order_count WHERE customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
