package dev.commerce.inventory.persistence;

import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stock items, SKU policies and the movement ledger. */
@ApplicationScoped
public class StockRepository {

    /** Totals of a SKU over active warehouses. */
    public record Totals(String sku, long onHand, long reserved) {
        public long available() {
            return onHand - reserved;
        }
    }

    private final EntityManager entityManager;

    public StockRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The item, locked for this transaction so concurrent changes of one SKU in one warehouse queue up. */
    public Optional<StockItem> lockItem(String sku, UUID warehouseId) {
        return entityManager.createQuery("FROM StockItem WHERE sku = :sku AND warehouseId = :warehouse", StockItem.class)
                .setParameter("sku", sku).setParameter("warehouse", warehouseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * Every stock item of these SKUs, locked for this transaction in one order (SKU, then warehouse), so
     * transactions that lock several items never wait on each other in a circle. SQL with an array rather than a
     * query with an IN list: Hibernate translates a query with a list parameter again on every call, a tenth of
     * this service's CPU under checkout load (JFR samples of bench/checkout).
     */
    @SuppressWarnings("unchecked")
    public List<StockItem> lockItems(Collection<String> skus) {
        return entityManager.createNativeQuery("""
                        SELECT * FROM stock_item WHERE sku = ANY(?1) ORDER BY sku, warehouse_id FOR UPDATE""",
                        StockItem.class)
                .setParameter(1, skus.toArray(new String[0])).getResultList();
    }

    public List<StockItem> itemsOf(String sku) {
        return entityManager.createQuery("FROM StockItem WHERE sku = :sku ORDER BY warehouseId", StockItem.class)
                .setParameter("sku", sku).getResultList();
    }

    /**
     * Gives the SKU's stock items its backorder policy. Turning backorders off while more units are reserved than on
     * hand is refused by the database (stock_item_available_not_negative).
     */
    public void applyBackorderPolicy(String sku, boolean backorderable) {
        entityManager.flush();
        entityManager.createNativeQuery("UPDATE stock_item SET backorderable = ?2 WHERE sku = ?1 AND backorderable <> ?2")
                .setParameter(1, sku).setParameter(2, backorderable).executeUpdate();
    }

    public void add(Object entity) {
        entityManager.persist(entity);
    }

    /**
     * Appends lines to the ledger in one statement, in the given order (ids ascend in it); every line enters the
     * ledger here. The ledger is append-only, so its lines need no entity state: a batch of reservations writes its
     * movements in one round trip instead of one identity insert each.
     */
    public void record(List<StockMovement> movements) {
        if (movements.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO stock_movement (sku, warehouse_id, type, on_hand_delta, reserved_delta, reason, reference,
                        created_by, created_at)
                    SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS int[]),
                        CAST(? AS int[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                        CAST(? AS timestamptz[]))""")) {
                insert.setArray(1, connection.createArrayOf("varchar", texts(movements, StockMovement::sku)));
                insert.setArray(2, connection.createArrayOf("uuid",
                        movements.stream().map(StockMovement::warehouseId).toArray(UUID[]::new)));
                insert.setArray(3, connection.createArrayOf("varchar", texts(movements, m -> m.type().name())));
                insert.setArray(4, connection.createArrayOf("int4", numbers(movements, StockMovement::onHandDelta)));
                insert.setArray(5, connection.createArrayOf("int4", numbers(movements, StockMovement::reservedDelta)));
                insert.setArray(6, connection.createArrayOf("varchar", texts(movements, StockMovement::reason)));
                insert.setArray(7, connection.createArrayOf("varchar", texts(movements, StockMovement::reference)));
                insert.setArray(8, connection.createArrayOf("varchar", texts(movements, StockMovement::createdBy)));
                insert.setArray(9, connection.createArrayOf("varchar", texts(movements, m -> m.createdAt().toString())));
                insert.executeUpdate();
            }
        });
    }

    private static String[] texts(List<StockMovement> movements, Function<StockMovement, String> value) {
        return movements.stream().map(value).toArray(String[]::new);
    }

    private static Integer[] numbers(List<StockMovement> movements, Function<StockMovement, Integer> value) {
        return movements.stream().map(value).toArray(Integer[]::new);
    }

    /** Writes pending changes, so the totals query sees them. */
    public void flush() {
        entityManager.flush();
    }

    /** The SKUs stocked in a warehouse. */
    public List<String> skusIn(UUID warehouseId) {
        return entityManager.createQuery("SELECT DISTINCT sku FROM StockItem WHERE warehouseId = :warehouse", String.class)
                .setParameter("warehouse", warehouseId).getResultList();
    }

    public Optional<SkuPolicy> policy(String sku) {
        return Optional.ofNullable(entityManager.find(SkuPolicy.class, sku));
    }

    @SuppressWarnings("unchecked")
    public Map<String, SkuPolicy> policies(Collection<String> skus) {
        // an array, not an IN list, as in lockItems
        return ((List<SkuPolicy>) entityManager.createNativeQuery("SELECT * FROM sku_policy WHERE sku = ANY(?1)",
                        SkuPolicy.class).setParameter(1, skus.toArray(new String[0])).getResultList())
                .stream().collect(Collectors.toMap(SkuPolicy::sku, policy -> policy));
    }

    /** Totals over active warehouses of the SKUs that have stock records; unknown SKUs are absent. */
    public Map<String, Totals> totals(Collection<String> skus) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT s.sku, COALESCE(SUM(s.on_hand) FILTER (WHERE w.active), 0),
                               COALESCE(SUM(s.reserved) FILTER (WHERE w.active), 0)
                        FROM stock_item s JOIN warehouse w ON w.id = s.warehouse_id
                        WHERE s.sku = ANY(?1) GROUP BY s.sku""")
                .setParameter(1, skus.toArray(new String[0])).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0],
                row -> new Totals((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
    }

    /** The ledger of a SKU, oldest first, after the movement id when given. */
    public List<StockMovement> movements(String sku, Long afterId, int limit) {
        String query = afterId == null ? "FROM StockMovement WHERE sku = :sku ORDER BY id"
                : "FROM StockMovement WHERE sku = :sku AND id > :after ORDER BY id";
        var typed = entityManager.createQuery(query, StockMovement.class).setParameter("sku", sku).setMaxResults(limit);
        if (afterId != null) {
            typed.setParameter("after", afterId);
        }
        return typed.getResultList();
    }
}
