package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.ShippingMethod;
import dev.commerce.cart.domain.ShippingZone;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Shipping zones and their methods. */
@ApplicationScoped
public class ShippingRepository implements PanacheRepositoryBase<ShippingMethod, UUID> {

    public List<ShippingMethod> methods(UUID zoneId) {
        return zoneId == null ? list("ORDER BY name, id") : list("zoneId = ?1 ORDER BY name, id", zoneId);
    }

    public List<ShippingZone> zones() {
        return getEntityManager().createQuery("SELECT z FROM ShippingZone z ORDER BY z.name, z.id", ShippingZone.class)
                .getResultList();
    }

    public Optional<ShippingZone> zone(UUID id) {
        return Optional.ofNullable(getEntityManager().find(ShippingZone.class, id));
    }

    public void save(ShippingZone zone) {
        getEntityManager().persist(zone);
    }

    public void delete(ShippingZone zone) {
        getEntityManager().remove(zone);
    }

    public boolean zoneInUse(UUID zoneId) {
        return count("zoneId", zoneId) > 0;
    }
}
