package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.StockLevel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class StockLevelRepository implements PanacheRepositoryBase<StockLevel, String> {

    /**
     * Writes the SKU's level when {@code sequence} is newer than the applied one, in one statement; returns whether
     * it did. {@code updated_at} moves only when what can be sold changed (an order's reserved units leaving with it
     * change inventory's on-hand and reserved, not the available units).
     */
    public boolean applyNewer(String sku, long sequence, long available, String status, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO stock_level (sku, available, status, updated_at, sequence) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available, status = EXCLUDED.status,
                            sequence = EXCLUDED.sequence,
                            updated_at = CASE WHEN stock_level.available = EXCLUDED.available
                                AND stock_level.status = EXCLUDED.status THEN stock_level.updated_at
                                ELSE EXCLUDED.updated_at END
                        WHERE stock_level.sequence < EXCLUDED.sequence""")
                .setParameter(1, sku).setParameter(2, available).setParameter(3, status)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(5, sequence)
                .executeUpdate() == 1;
    }

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
