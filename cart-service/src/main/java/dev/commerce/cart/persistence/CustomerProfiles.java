package dev.commerce.cart.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Customers' groups and confirmed-order counts as customer-service announced them (customer.v1). */
@ApplicationScoped
public class CustomerProfiles {

    private final EntityManager entityManager;

    public CustomerProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String customerId, List<String> groups, int confirmedOrders, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO customer_profile (customer_id, groups, confirmed_orders, updated_at)
                        VALUES (?1, CAST(?2 AS text[]), ?3, ?4)
                        ON CONFLICT (customer_id) DO UPDATE SET groups = EXCLUDED.groups,
                            confirmed_orders = EXCLUDED.confirmed_orders, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, customerId).setParameter(2, groups.toArray(String[]::new))
                .setParameter(3, confirmedOrders).setParameter(4, Timestamp.from(now)).executeUpdate();
    }

    public Set<String> groupsOf(String customerId) {
        List<?> rows = entityManager.createNativeQuery("SELECT groups FROM customer_profile WHERE customer_id = ?1")
                .setParameter(1, customerId).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return Set.of();
        }
        Object value = rows.get(0);
        String[] groups = value instanceof String[] array ? array : (String[]) ((Object[]) value);
        return new TreeSet<>(Arrays.asList(groups));
    }
}
