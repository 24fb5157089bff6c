package dev.commerce.order.persistence;

import dev.commerce.order.domain.fulfillment.Shipment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    public Optional<Shipment> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** The order's shipments, first shipped first. */
    public List<Shipment> of(UUID orderId) {
        return list("orderId = ?1 ORDER BY shippedAt, id", orderId);
    }

    public boolean anyOf(UUID orderId) {
        return count("orderId", orderId) > 0;
    }

    public void add(Shipment shipment) {
        persist(shipment);
    }
}
