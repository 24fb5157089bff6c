package dev.commerce.platform.web.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.UUID;

/**
 * PostgreSQL transaction-scoped advisory locks on an aggregate, also before its row exists (two deliveries of one
 * event, or an API call and an event at once, must not both create it). Keys use the two-integer form: a key space
 * per kind of aggregate, apart from the platform's bigint keys (the outbox relay's). Released at commit or rollback.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final EntityManager entityManager;

    public AdvisoryLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Waits for and takes the lock of {@code id} in {@code space} until this transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(int space, UUID id) {
        lock(space, id.hashCode());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(int space, int key) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, space).setParameter(2, key).getSingleResult();
    }

    /**
     * Takes the locks of several aggregates in one statement, in ascending key order: the order every caller that
     * locks more than one follows, so two transactions never wait on each other in a circle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(int space, Collection<UUID> ids) {
        if (ids.size() == 1) {
            lock(space, ids.iterator().next());
            return;
        }
        Integer[] keys = ids.stream().map(UUID::hashCode).distinct().sorted().toArray(Integer[]::new);
        entityManager.createNativeQuery("""
                        SELECT pg_advisory_xact_lock(?1, key) FROM unnest(CAST(?2 AS int[])) WITH ORDINALITY AS k(key, n)
                        ORDER BY n""")
                .setParameter(1, space).setParameter(2, keys).getResultList();
    }
}
