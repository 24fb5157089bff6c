package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.Cart;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import org.hibernate.jpa.HibernateHints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CartRepository implements PanacheRepositoryBase<Cart, UUID> {

    /** A customer's carts, oldest first, after the (createdAt, id) position when given. */
    public List<Cart> pageOfCustomer(String customerId, TimeAndIdPosition after, int limit) {
        if (after == null) {
            return find("customerId = :customer ORDER BY createdAt, id", Parameters.with("customer", customerId))
                    .page(0, limit).list();
        }
        return find("customerId = :customer AND (createdAt > :at OR (createdAt = :at AND id > :id)) ORDER BY createdAt, id",
                Parameters.with("customer", customerId).and("at", after.at()).and("id", after.id()))
                .page(0, limit).list();
    }

    /**
     * The cart with its lines in one statement, to read only: the session keeps no snapshot of it (changes to it
     * would not be written), which is most of what loading it costs besides the query.
     */
    public Optional<Cart> findWithLinesToRead(UUID id) {
        return getEntityManager().createQuery("""
                        SELECT c FROM Cart c LEFT JOIN FETCH c.lines WHERE c.id = :id""", Cart.class)
                .setParameter("id", id).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList().stream().findFirst();
    }

    /** The cart, its row locked until the transaction ends: changes to one cart happen one after the other. */
    public Optional<Cart> findForUpdate(UUID id) {
        // not with its lines in the same query: Hibernate then locks in a follow-on statement, after reading
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Frozen carts whose hand-off deadline passed, locked; rows another instance has locked are skipped. */
    public List<Cart> checkoutsDueForUpdate(java.time.Instant now, int limit) {
        return getEntityManager().createQuery("""
                        SELECT c FROM Cart c WHERE c.status = :checkingOut AND c.checkoutDeadline < :now
                        ORDER BY c.checkoutDeadline""", Cart.class)
                .setParameter("checkingOut", Cart.Status.CHECKING_OUT).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(limit).getResultList();
    }

    /**
     * Open carts with lines and no shopper activity since {@code inactiveSince} that were not announced as abandoned
     * in this period of inactivity; locked, skipping rows another instance holds.
     */
    public List<Cart> abandonedForUpdate(java.time.Instant inactiveSince, int limit) {
        return getEntityManager().createQuery("""
                        SELECT c FROM Cart c WHERE c.status = :open AND c.activityBucket <= :sinceBucket
                        AND c.lastActivityAt < :since AND (c.abandonedAt IS NULL OR c.abandonedAt < c.lastActivityAt)
                        AND EXISTS (SELECT 1 FROM CartLine l WHERE l.cart = c) ORDER BY c.lastActivityAt""", Cart.class)
                .setParameter("open", Cart.Status.OPEN).setParameter("since", inactiveSince)
                .setParameter("sinceBucket", Cart.activityBucketOf(inactiveSince))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(limit).getResultList();
    }

    /** Notes the announcement without changing the cart's version (the shopper changed nothing). */
    public void markAbandoned(UUID cartId, java.time.Instant at) {
        getEntityManager().createNativeQuery("UPDATE cart SET abandoned_at = ?2 WHERE id = ?1")
                .setParameter(1, cartId).setParameter(2, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Deletes up to {@code limit} guest carts without shopper activity since {@code before} (none being checked out). */
    public int deleteGuestCartsInactiveSince(java.time.Instant before, int limit) {
        return getEntityManager().createNativeQuery("""
                        DELETE FROM cart WHERE id IN (SELECT id FROM cart WHERE customer_id IS NULL AND activity_bucket <= ?3
                        AND last_activity_at < ?1 AND status <> 'CHECKING_OUT' LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).setParameter(2, limit)
                .setParameter(3, java.time.OffsetDateTime.ofInstant(Cart.activityBucketOf(before), java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    public Optional<Cart> openCartOf(String customerId) {
        return find("customerId = ?1 AND status = ?2", customerId, Cart.Status.OPEN).firstResultOptional();
    }

    /** Open carts holding any of {@code skus}, locked in id order (the order every multi-cart change follows). */
    public List<Cart> openCartsHoldingForUpdate(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        SELECT c FROM Cart c WHERE c.status = :open
                        AND c.id IN (SELECT l.cart.id FROM CartLine l WHERE l.sku IN :skus) ORDER BY c.id""", Cart.class)
                .setParameter("open", Cart.Status.OPEN).setParameter("skus", skus)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
