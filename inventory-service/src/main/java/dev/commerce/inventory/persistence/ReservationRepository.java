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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
    @SuppressWarnings("unchecked")
    public Map<UUID, Reservation> byOrders(Collection<UUID> orderIds) {
        // an array, not an IN list: Hibernate translates a query with a list parameter again on every call; cast, or
        // PostgreSQL compares the column with an array of another type and reads the whole table (bench/checkout)
        return ((List<Reservation>) entityManager.createNativeQuery("SELECT * FROM reservation WHERE order_id = ANY(CAST(?1 AS uuid[]))",
                        Reservation.class).setParameter(1, orderIds.toArray(new UUID[0])).getResultList())
                .stream().collect(Collectors.toMap(Reservation::orderId, reservation -> reservation));
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
