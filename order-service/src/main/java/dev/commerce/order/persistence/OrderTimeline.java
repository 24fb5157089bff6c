package dev.commerce.order.persistence;

import dev.commerce.order.domain.OrderStatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** The status changes of orders, in the order they happened. */
@ApplicationScoped
public class OrderTimeline {

    private final EntityManager entityManager;

    public OrderTimeline(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void add(OrderStatusChange change) {
        entityManager.persist(change);
    }

    public List<OrderStatusChange> of(UUID orderId) {
        return entityManager.createQuery("FROM OrderStatusChange WHERE orderId = :order ORDER BY id", OrderStatusChange.class)
                .setParameter("order", orderId).getResultList();
    }
}
