package dev.commerce.catalog.persistence;

import dev.commerce.catalog.domain.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The availability read model: what inventory last said about each SKU. */
@ApplicationScoped
public class AvailabilityRepository {

    private final EntityManager entityManager;

    private static LocalDate toDate(Object value) {
        return value == null ? null : value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    public AvailabilityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Replaces what the read model holds for the SKU. */
    public void save(Availability availability, Instant updatedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO sku_availability (sku, available, status, expected_restock_date, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (sku) DO UPDATE SET available = EXCLUDED.available, status = EXCLUDED.status,
                            expected_restock_date = EXCLUDED.expected_restock_date, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, availability.sku()).setParameter(2, availability.available())
                .setParameter(3, availability.status()).setParameter(4, availability.expectedRestockDate())
                .setParameter(5, OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC)).executeUpdate();
    }

    public Map<String, Availability> of(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT sku, available, status, expected_restock_date FROM sku_availability WHERE sku = ANY(?1)""")
                .setParameter(1, skus.toArray(new String[0])).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> new Availability((String) row[0],
                ((Number) row[1]).longValue(), (String) row[2], toDate(row[3]))));
    }
}
