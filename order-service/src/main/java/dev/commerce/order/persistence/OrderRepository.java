package dev.commerce.order.persistence;

import dev.commerce.order.domain.Order;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /**
     * Newest orders first, of one customer (or of all when {@code customerId} is null), before the
     * (placedAt, id) position when given.
     */
    public List<Order> pageNewestFirst(String customerId, TimeAndIdPosition before, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (customerId != null) {
            query.append(" AND customerId = :customer");
            parameters = parameters.and("customer", customerId);
        }
        if (before != null) {
            query.append(" AND (placedAt < :at OR (placedAt = :at AND id < :id))");
            parameters = parameters.and("at", before.at()).and("id", before.id());
        }
        query.append(" ORDER BY placedAt DESC, id DESC");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
