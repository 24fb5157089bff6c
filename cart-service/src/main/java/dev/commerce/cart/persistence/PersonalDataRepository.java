package dev.commerce.cart.persistence;

import dev.commerce.platform.messaging.privacy.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * What cart-service holds of one person, found by customer id or (for what they did as a guest) by e-mail address:
 * every record as JSON for an export, and its erasure: carts (guest carts of the address too) and their lines are deleted; promotion usages stay counted under no name; the customer read model forgets the customer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalDataRepository implements PersonalDataStore {

    private final EntityManager entityManager;

    public PersonalDataRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The person's records, each a JSON object (columns as stored). {@code email}: normalised (lower case). */
    @Override
    public List<String> records(String customerId, String email) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT (to_jsonb(c) || jsonb_build_object('lines', coalesce((SELECT jsonb_agg(to_jsonb(l) ORDER BY l.id)
                                FROM cart_line l WHERE l.cart_id = c.id), '[]'::jsonb)))::text
                        FROM cart c WHERE c.customer_id = ?1 OR lower(c.email) = ?2 ORDER BY c.created_at, c.id""")
                .setParameter(1, customerId).setParameter(2, email).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** Erases or anonymises the person's records; returns how many rows changed. */
    @Override
    public int erase(String customerId, String email) {
        int removed = 0;
        removed += entityManager.createNativeQuery("""
                        DELETE FROM cart WHERE customer_id = ?1 OR lower(email) = ?2""")
                .setParameter(1, customerId).setParameter(2, email).executeUpdate();
        removed += entityManager.createNativeQuery("""
                        UPDATE promotion_usage SET customer_key = 'erased' WHERE customer_key = 'customer:' || ?1 OR customer_key = 'email:' || ?2""")
                .setParameter(1, customerId).setParameter(2, email).executeUpdate();
        removed += entityManager.createNativeQuery("DELETE FROM customer_profile WHERE customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
        removed += entityManager.createNativeQuery("DELETE FROM customer_order_count WHERE customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
        return removed;
    }
}
