package dev.commerce.payment.persistence;

import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.payment.domain.Payment;
import dev.commerce.payment.domain.PaymentTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payments, their transactions, provider notifications seen, and what fraud screening asks about history. */
@ApplicationScoped
public class PaymentRepository {

    /** Key space of the per-order advisory locks (two-integer form, apart from the platform's bigint keys). */
    private static final int ORDER_LOCK_SPACE = 0x9a7e_0001;

    /** A customer's successful payments in one currency: how many, and their total. */
    public record History(long count, BigDecimal total) {
    }

    private final EntityManager entityManager;
    private final AdvisoryLocks locks;

    public PaymentRepository(EntityManager entityManager, AdvisoryLocks locks) {
        this.entityManager = entityManager;
        this.locks = locks;
    }

    /** Serialises this transaction with every other one starting a payment for the order. */
    public void lockOrder(UUID orderId) {
        locks.lock(ORDER_LOCK_SPACE, orderId);
    }

    public void add(Object entity) {
        entityManager.persist(entity);
    }

    public Optional<Payment> byId(UUID id) {
        return Optional.ofNullable(entityManager.find(Payment.class, id));
    }

    /** The payment, locked for this transaction. */
    public Optional<Payment> lock(UUID id) {
        return Optional.ofNullable(entityManager.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Payment> byChallenge(String challengeReference) {
        return entityManager.createQuery("FROM Payment WHERE challengeReference = :challenge", Payment.class)
                .setParameter("challenge", challengeReference).getResultStream().findFirst();
    }

    public Optional<Payment> byAttempt(UUID attemptId) {
        return entityManager.createQuery("FROM Payment WHERE attemptId = :attempt", Payment.class)
                .setParameter("attempt", attemptId).getResultStream().findFirst();
    }

    /** The order's payments, oldest first. */
    public List<Payment> byOrder(UUID orderId) {
        return entityManager.createQuery("FROM Payment WHERE orderId = :order ORDER BY createdAt, id", Payment.class)
                .setParameter("order", orderId).getResultList();
    }

    /** The order's payment that took money (captured), newest first, locked: refunds go there. */
    public Optional<Payment> lockCapturedOfOrder(UUID orderId) {
        return entityManager.createQuery("""
                        FROM Payment WHERE orderId = :order AND capturedAmount > 0 ORDER BY createdAt DESC""", Payment.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The order's live payment (at most one), locked. */
    public Optional<Payment> lockLiveOfOrder(UUID orderId) {
        return entityManager.createQuery("""
                        FROM Payment WHERE orderId = :order
                        AND status IN (dev.commerce.payment.domain.Payment.Status.PENDING,
                                       dev.commerce.payment.domain.Payment.Status.ACTION_REQUIRED,
                                       dev.commerce.payment.domain.Payment.Status.AUTHORIZED,
                                       dev.commerce.payment.domain.Payment.Status.CAPTURED)""", Payment.class)
                .setParameter("order", orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public Optional<Payment> byReference(String provider, String reference) {
        return entityManager.createQuery("FROM Payment WHERE provider = :provider AND providerReference = :reference",
                        Payment.class)
                .setParameter("provider", provider).setParameter("reference", reference).getResultStream().findFirst();
    }

    public List<PaymentTransaction> transactionsOf(UUID paymentId) {
        return entityManager.createQuery("FROM PaymentTransaction WHERE paymentId = :payment ORDER BY createdAt, id",
                PaymentTransaction.class).setParameter("payment", paymentId).getResultList();
    }

    public Optional<PaymentTransaction> transaction(UUID paymentId, PaymentTransaction.Type type, String operationKey) {
        return entityManager.createQuery("""
                        FROM PaymentTransaction WHERE paymentId = :payment AND type = :type AND operationKey = :key""",
                        PaymentTransaction.class)
                .setParameter("payment", paymentId).setParameter("type", type).setParameter("key", operationKey)
                .getResultStream().findFirst();
    }

    /** The payment's void still to be done at the provider (its authorization had not answered), if any. */
    public Optional<PaymentTransaction> unsettledVoid(UUID paymentId) {
        return entityManager.createQuery("""
                        FROM PaymentTransaction WHERE paymentId = :payment
                        AND type = dev.commerce.payment.domain.PaymentTransaction.Type.VOID
                        AND outcome = dev.commerce.payment.domain.PaymentTransaction.Outcome.PENDING""", PaymentTransaction.class)
                .setParameter("payment", paymentId).getResultStream().findFirst();
    }

    /** Payments with a void still to be done at the provider, recorded before {@code before}, oldest first. */
    public List<UUID> unsettledVoidsSince(Instant before, int limit) {
        return entityManager.createQuery("""
                        SELECT t.paymentId FROM PaymentTransaction t
                        WHERE t.type = dev.commerce.payment.domain.PaymentTransaction.Type.VOID
                        AND t.outcome = dev.commerce.payment.domain.PaymentTransaction.Outcome.PENDING
                        AND t.createdAt < :before ORDER BY t.createdAt""", UUID.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /**
     * The customer's latest {@code depth} authorized or captured payments in the currency: the history an amount is
     * compared with. Bounded, like the counts below, so screening costs the same for a key with thousands of
     * payments (a shared card, one under attack) as for a new one (bench/checkout: unbounded, these three queries
     * took 14 ms per attempt once 17,000 checkouts shared one email and card).
     */
    public History history(String customerId, String currency, int depth) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*), COALESCE(sum(amount), 0) FROM (
                            SELECT amount FROM payment
                            WHERE customer_id = ?1 AND currency = ?2 AND authorized_at IS NOT NULL
                            ORDER BY created_at DESC LIMIT ?3) AS latest""")
                .setParameter(1, customerId).setParameter(2, currency).setParameter(3, depth).getSingleResult();
        return new History(((Number) row[0]).longValue(), (BigDecimal) row[1]);
    }

    /** The customer's attempts since {@code since}, counted up to {@code atMost} (a velocity limit needs no more). */
    public long attemptsOfCustomerSince(String customerId, Instant since, int atMost) {
        return countUpTo("SELECT 1 FROM payment WHERE customer_id = ?1 AND created_at >= ?2 LIMIT ?3", customerId, since, atMost);
    }

    /** Attempts with the payment method since {@code since}, counted up to {@code atMost}. */
    public long attemptsWithMethodSince(String methodToken, Instant since, int atMost) {
        return countUpTo("SELECT 1 FROM payment WHERE method_token = ?1 AND created_at >= ?2 LIMIT ?3", methodToken, since, atMost);
    }

    private long countUpTo(String rows, String key, Instant since, int atMost) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM (" + rows + ") AS counted")
                .setParameter(1, key).setParameter(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .setParameter(3, atMost).getSingleResult()).longValue();
    }

    /** Payments waiting for the provider since before {@code before}, oldest first. */
    public List<UUID> pendingSince(Instant before, int limit) {
        return entityManager.createQuery("""
                        SELECT p.id FROM Payment p WHERE p.status = dev.commerce.payment.domain.Payment.Status.PENDING
                        AND p.updatedAt < :before ORDER BY p.updatedAt""", UUID.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /**
     * One authorization past its expiry, locked; rows another instance is voiding are skipped, so each is voided
     * by exactly one transaction.
     */
    public Optional<Payment> lockNextExpiredAuthorization(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        SELECT id FROM payment WHERE status = 'AUTHORIZED' AND authorization_expires_at <= ?1
                        ORDER BY authorization_expires_at LIMIT 1 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        return ids.stream().findFirst().map(id -> entityManager.find(Payment.class, id));
    }

    /** Records a provider notification as applied; false for a replay. */
    public boolean firstNotification(String provider, String notificationId, Instant now) {
        return entityManager.createNativeQuery("""
                        INSERT INTO provider_notification (provider, notification_id, received_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, provider).setParameter(2, notificationId)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate() == 1;
    }
}
