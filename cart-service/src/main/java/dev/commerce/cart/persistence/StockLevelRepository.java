package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.StockLevel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class StockLevelRepository implements PanacheRepositoryBase<StockLevel, String> {

    public List<StockLevel> bySkus(Collection<String> skus) {
        return skus.isEmpty() ? List.of() : list("sku IN ?1", skus);
    }
}
