package dev.commerce.order.persistence;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderSearch;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** The statuses in which an order waits for a payment, so its payment deadline applies. */
    private static final List<SagaStatus> WAITING_FOR_PAYMENT =
            List.of(SagaStatus.AWAITING_PAYMENT, SagaStatus.ACTION_REQUIRED, SagaStatus.PAYMENT_FAILED);

    public Optional<Order> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** Only the order's status: a cheap read for whoever waits for it to change. */
    public Optional<SagaStatus> statusOf(UUID id) {
        return getEntityManager().createQuery("SELECT o.status FROM Order o WHERE o.id = :id", SagaStatus.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * The order with its row locked until the transaction ends: saga steps of one order run one after another. A
     * query, not {@code find}: find loads an order (with its eager collection) unlocked and locks it in a second,
     * "follow-on" select, so a step committed in between left this one with a stale version that failed at flush.
     * The query loads the row with the lock, so it reads what the previous holder committed.
     */
    public Optional<Order> lock(UUID id) {
        return getEntityManager().createQuery("FROM Order WHERE id = :id", Order.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * Gives the guest orders placed with {@code normalisedEmail} (compared in lower case) to the customer; each
     * one's version moves on, so an ETag read before is stale. Returns how many there were.
     */
    public int assignGuestOrders(String normalisedEmail, String customerId) {
        return getEntityManager().createQuery("""
                        UPDATE VERSIONED Order o SET o.customerId = :customer
                        WHERE o.customerId IS NULL AND lower(o.email) = :email""")
                .setParameter("customer", customerId).setParameter("email", normalisedEmail).executeUpdate();
    }

    public void add(Order order) {
        persist(order);
    }

    /** The next human-friendly order number: C-100001, C-100002, ... */
    public String nextOrderNumber() {
        Number next = (Number) getEntityManager().createNativeQuery("SELECT nextval('order_number_seq')").getSingleResult();
        return "C-" + next.longValue();
    }

    /** Orders whose payment deadline passed while they still wait for a payment, oldest deadline first. */
    public List<UUID> pastPaymentDeadline(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        SELECT o.id FROM Order o WHERE o.status IN :waiting AND o.paymentDeadlineAt < :now
                        ORDER BY o.paymentDeadlineAt""", UUID.class)
                .setParameter("waiting", WAITING_FOR_PAYMENT).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Newest orders first that the search matches, before the (placedAt, id) position when given. */
    public List<Order> pageNewestFirst(OrderSearch search, TimeAndIdPosition before, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (search.customerId() != null) {
            query.append(" AND customerId = :customer");
            parameters = parameters.and("customer", search.customerId());
        }
        if (search.status() != null) {
            query.append(" AND status = :status");
            parameters = parameters.and("status", search.status());
        }
        if (search.number() != null) {
            query.append(" AND orderNumber = :number");
            parameters = parameters.and("number", search.number());
        }
        if (search.from() != null) {
            query.append(" AND placedAt >= :from");
            parameters = parameters.and("from", search.from());
        }
        if (search.to() != null) {
            query.append(" AND placedAt < :to");
            parameters = parameters.and("to", search.to());
        }
        if (before != null) {
            query.append(" AND (placedAt < :at OR (placedAt = :at AND id < :id))");
            parameters = parameters.and("at", before.at()).and("id", before.id());
        }
        query.append(" ORDER BY placedAt DESC, id DESC");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
