package dev.commerce.order.persistence;

import dev.commerce.platform.messaging.privacy.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * What order-service holds of one person, found by customer id or (for what they did as a guest) by e-mail address:
 * every record as JSON for an export, and its erasure: orders stay for accounting but lose the e-mail address and the addresses (name, street, phone; the country stays for tax).
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
                        SELECT (to_jsonb(o) || jsonb_build_object('lines', coalesce((SELECT jsonb_agg(to_jsonb(l) ORDER BY l.position)
                                FROM order_line l WHERE l.order_id = o.id), '[]'::jsonb)))::text
                        FROM customer_order o WHERE o.customer_id = ?1 OR lower(o.email) = ?2 ORDER BY o.placed_at, o.id""")
                .setParameter(1, customerId).setParameter(2, email).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** Erases or anonymises the person's records; returns how many rows changed. */
    @Override
    public int erase(String customerId, String email) {
        int removed = 0;
        removed += entityManager.createNativeQuery("""
                        UPDATE customer_order SET email = NULL,
                            checkout = CASE WHEN checkout IS NULL THEN NULL ELSE jsonb_set(jsonb_set(checkout - 'email',
                                '{shippingAddress}', jsonb_strip_nulls(jsonb_build_object('country', checkout #> '{shippingAddress,country}'))),
                                '{billingAddress}', jsonb_strip_nulls(jsonb_build_object('country', checkout #> '{billingAddress,country}'))) END
                        WHERE customer_id = ?1 OR lower(email) = ?2""")
                .setParameter(1, customerId).setParameter(2, email).executeUpdate();
        return removed;
    }
}
