package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Promotions, their codes, and the usages checkouts redeemed. */
@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<Promotion, UUID> {

    public List<Promotion> all() {
        return list("ORDER BY priority, id");
    }

    /** Active automatic promotions (whatever their validity window). */
    public List<Promotion> automaticActive() {
        return list("automatic = true AND active = true ORDER BY priority, id");
    }

    public Optional<PromotionCode> code(String code) {
        return Optional.ofNullable(getEntityManager().find(PromotionCode.class, PromotionCode.normalize(code)));
    }

    public List<PromotionCode> codes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : getEntityManager()
                .createQuery("SELECT c FROM PromotionCode c WHERE c.code IN :codes", PromotionCode.class)
                .setParameter("codes", codes).getResultList();
    }

    public List<PromotionCode> codesOf(UUID promotionId, int limit) {
        return getEntityManager().createQuery("SELECT c FROM PromotionCode c WHERE c.promotionId = :id ORDER BY c.code",
                PromotionCode.class).setParameter("id", promotionId).setMaxResults(limit).getResultList();
    }

    public boolean codeExists(String code) {
        return getEntityManager().find(PromotionCode.class, code) != null;
    }

    public void save(PromotionCode code) {
        getEntityManager().persist(code);
    }

    /** Promotions locked in id order: redemptions of one promotion happen one after the other. */
    public List<Promotion> lockInOrder(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : getEntityManager()
                .createQuery("SELECT p FROM Promotion p WHERE p.id IN :ids ORDER BY p.id", Promotion.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public long redeemed(UUID promotionId) {
        return countUsages("promotion_id = ?1", promotionId);
    }

    public long redeemedWithCode(String code) {
        return countUsages("code = ?1", code);
    }

    public long redeemedBy(UUID promotionId, String customerKey) {
        return countUsages("promotion_id = ?1 AND customer_key = ?2", promotionId, customerKey);
    }


    private long countUsages(String where, Object... parameters) {
        var query = getEntityManager().createNativeQuery(
                "SELECT count(*) FROM promotion_usage WHERE status = 'REDEEMED' AND " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    public void recordUsage(UUID promotionId, String code, UUID orderId, UUID cartId, String customerKey, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO promotion_usage (id, promotion_id, code, order_id, cart_id, customer_key, status, redeemed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'REDEEMED', ?7) ON CONFLICT (promotion_id, order_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, promotionId).setParameter(3, code)
                .setParameter(4, orderId).setParameter(5, cartId).setParameter(6, customerKey)
                .setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    /** The order did not happen (deadline passed, or cancelled): its usages count no more. */
    public int releaseUsages(UUID orderId, Instant now) {
        return getEntityManager().createNativeQuery("""
                        UPDATE promotion_usage SET status = 'RELEASED', released_at = ?2
                        WHERE order_id = ?1 AND status = 'REDEEMED'""")
                .setParameter(1, orderId).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }
}
