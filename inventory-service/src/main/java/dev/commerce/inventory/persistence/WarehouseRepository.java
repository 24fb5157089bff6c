package dev.commerce.inventory.persistence;

import dev.commerce.inventory.domain.Warehouse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WarehouseRepository implements PanacheRepositoryBase<Warehouse, UUID> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    public List<Warehouse> active() {
        return list("active", true);
    }

    /** Warehouses ordered by code, after {@code afterCode} when given; {@code limit} rows at most. */
    public List<Warehouse> pageByCode(String afterCode, int limit) {
        if (afterCode == null) {
            return find("ORDER BY code").page(0, limit).list();
        }
        return find("code > :after ORDER BY code", Parameters.with("after", afterCode)).page(0, limit).list();
    }
}
