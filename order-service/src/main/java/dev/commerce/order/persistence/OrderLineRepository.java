package dev.commerce.order.persistence;

import dev.commerce.order.domain.fulfillment.OrderLine;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderLineRepository implements PanacheRepositoryBase<OrderLine, Long> {

    /** The order's lines in checkout order; change them only while the order's row is locked. */
    public List<OrderLine> of(UUID orderId) {
        return list("orderId = ?1 ORDER BY position", orderId);
    }

    public void add(List<OrderLine> lines) {
        persist(lines);
    }
}
