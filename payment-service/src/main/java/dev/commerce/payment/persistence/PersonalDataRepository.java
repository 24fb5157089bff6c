package dev.commerce.payment.persistence;

import dev.commerce.platform.messaging.privacy.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * What payment-service holds of one person, found by customer id or (for what they did as a guest) by e-mail address:
 * every record as JSON for an export, and its erasure: payments keep amounts, the provider reference and the card's last four digits; who paid, the method token and the countries go.
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
                        SELECT ((to_jsonb(p) - 'method_token') || jsonb_build_object('transactions', coalesce((SELECT jsonb_agg(to_jsonb(t)
                                ORDER BY t.created_at) FROM payment_transaction t WHERE t.payment_id = p.id), '[]'::jsonb)))::text
                        FROM payment p WHERE p.customer_id = ?1 OR p.customer_id = 'guest:' || ?2 ORDER BY p.created_at, p.id""")
                .setParameter(1, customerId).setParameter(2, email).getResultList();
        return rows.stream().map(String::valueOf).toList();
    }

    /** Erases or anonymises the person's records; returns how many rows changed. */
    @Override
    public int erase(String customerId, String email) {
        int removed = 0;
        removed += entityManager.createNativeQuery("""
                        UPDATE payment SET customer_id = 'erased', method_token = 'erased', billing_country = NULL,
                            shipping_country = NULL, action_url = NULL
                        WHERE customer_id = ?1 OR customer_id = 'guest:' || ?2""")
                .setParameter(1, customerId).setParameter(2, email).executeUpdate();
        return removed;
    }
}
