package dev.commerce.order.persistence;

import dev.commerce.order.domain.fulfillment.OrderReturn;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReturnRepository implements PanacheRepositoryBase<OrderReturn, UUID> {

    public Optional<OrderReturn> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The order a return belongs to, without loading the return (lock the order first, then read it). */
    public Optional<UUID> orderOf(UUID returnId) {
        return getEntityManager().createQuery("SELECT r.orderId FROM OrderReturn r WHERE r.id = :id", UUID.class)
                .setParameter("id", returnId).getResultStream().findFirst();
    }

    /** The order's returns, first requested first. */
    public List<OrderReturn> of(UUID orderId) {
        return list("orderId = ?1 ORDER BY requestedAt, id", orderId);
    }

    public void add(OrderReturn orderReturn) {
        persist(orderReturn);
    }
}
