package dev.commerce.platform.messaging;

import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The producer of the test application: each change updates a ledger row and records its event, in one transaction. */
@ApplicationScoped
public class LedgerChanges {

    static final String TOPIC = "test.ledger.v1";
    static final EventType LEDGER_CHANGED = EventType.v1("test", "ledger-changed");

    /** The payload of ledger-changed. */
    public record LedgerChanged(String ledgerId, int changeNo) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;

    public LedgerChanges(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /** Counts one more change of the ledger and records its event; returns the change's number. */
    @Transactional
    public int change(String ledgerId) {
        int changeNo = ((Number) entityManager.createNativeQuery("""
                        INSERT INTO test_ledger (ledger_id, changes) VALUES (?1, 1)
                        ON CONFLICT (ledger_id) DO UPDATE SET changes = test_ledger.changes + 1 RETURNING changes""")
                .setParameter(1, ledgerId).getSingleResult()).intValue();
        outbox.record(TOPIC, LEDGER_CHANGED, ledgerId, new LedgerChanged(ledgerId, changeNo));
        return changeNo;
    }

    /** Several changes (of one ledger or several) in one transaction, so their events are written together. */
    @Transactional
    public void changeAll(java.util.List<String> ledgerIds) {
        ledgerIds.forEach(this::change);
    }
}
