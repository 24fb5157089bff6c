package dev.commerce.inventory.persistence;

import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.inventory.domain.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reservations, one per order, and the locks that make each order's operations happen one at a time. */
@ApplicationScoped
public class ReservationRepository {

    /** Key space of the per-order advisory locks (the two-integer form, apart from the platform's bigint keys). */
    private static final int ORDER_LOCK_SPACE = 0x1e5e_4e01;

    private final EntityManager entityManager;
    private final AdvisoryLocks locks;

    public ReservationRepository(EntityManager entityManager, AdvisoryLocks locks) {
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /**
     * Serialises this transaction with every other one working on the order, also before its reservation exists
     * (two deliveries of one order-placed, or the API and an event at once, must not both reserve).
     */
    public void lockOrder(UUID orderId) {
        locks.lock(ORDER_LOCK_SPACE, orderId);
    }

    /**
     * Locks several orders at once, as {@link #lockOrder} does one: in ascending key order, the order every caller
     * locking more than one follows, so two batches never wait on each other in a circle.
     */
    public void lockOrders(Collection<UUID> orderIds) {
        locks.lockAll(ORDER_LOCK_SPACE, orderIds);
    }

    /** The reservations these orders have, by order id (orders without one are absent). */
    public Map<UUID, Reservation> byOrders(Collection<UUID> orderIds) {
        // one indexed lookup per order (a batch holds a handful): a query with an array of ids kept the plan it was
        // given while the table was empty, a sequential scan, once the table had grown (bench/checkout: 17,339
        // scans of the whole table in ten minutes; without ANALYZE, which autovacuum would run, nothing re-plans it)
        Map<UUID, Reservation> found = new HashMap<>();
        for (UUID orderId : orderIds) {
            byOrder(orderId).ifPresent(reservation -> found.put(orderId, reservation));
        }
        return found;
    }

    public Optional<Reservation> byOrder(UUID orderId) {
        return entityManager.createQuery("FROM Reservation WHERE orderId = :order", Reservation.class)
                .setParameter("order", orderId).getResultStream().findFirst();
    }

    /** The order's reservation, locked for this transaction. */
    public Optional<Reservation> lockByOrder(UUID orderId) {
        return entityManager.createQuery("FROM Reservation WHERE orderId = :order", Reservation.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /**
     * One active reservation due by {@code now}, locked; rows another instance is expiring are skipped, so each
     * reservation is expired by exactly one transaction however many instances run the job.
     */
    public Optional<Reservation> lockNextDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM reservation WHERE status = 'ACTIVE' AND expires_at <= ?1
                        ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        return ids.stream().findFirst().map(id -> entityManager.find(Reservation.class, id));
    }

    public void add(Reservation reservation) {
        entityManager.persist(reservation);
    }

    /** Records a return as restocked; false when it was already. */
    public boolean firstReceiptOfReturn(UUID returnId, UUID orderId, Instant now) {
        return entityManager.createNativeQuery("""
                        INSERT INTO stock_return (return_id, order_id, received_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, returnId).setParameter(2, orderId)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate() == 1;
    }
}
