package dev.commerce.order.persistence;

import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
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

    /** Newest returns first, of one status and one order when given, before the (requestedAt, id) position. */
    public List<OrderReturn> pageNewestFirst(OrderReturn.Status status, UUID orderId, TimeAndIdPosition before, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" AND status = :status");
            parameters = parameters.and("status", status);
        }
        if (orderId != null) {
            query.append(" AND orderId = :order");
            parameters = parameters.and("order", orderId);
        }
        if (before != null) {
            query.append(" AND (requestedAt < :at OR (requestedAt = :at AND id < :id))");
            parameters = parameters.and("at", before.at()).and("id", before.id());
        }
        query.append(" ORDER BY requestedAt DESC, id DESC");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    public void add(OrderReturn orderReturn) {
        persist(orderReturn);
    }
}
