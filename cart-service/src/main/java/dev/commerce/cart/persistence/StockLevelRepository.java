package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.StockLevel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class StockLevelRepository implements PanacheRepositoryBase<StockLevel, String> {

    /**
     * SQL with an array rather than a query with an IN list: Hibernate translates a query with a list parameter
     * again on every call, a fifth of a checkout hand-off's CPU (JFR samples of bench/checkout).
     */
    @SuppressWarnings("unchecked")
    public List<StockLevel> bySkus(Collection<String> skus) {
        return skus.isEmpty() ? List.of() : getEntityManager()
                .createNativeQuery("SELECT * FROM stock_level WHERE sku = ANY(?1)", StockLevel.class)
                .setParameter(1, skus.toArray(new String[0])).getResultList();
    }
}
