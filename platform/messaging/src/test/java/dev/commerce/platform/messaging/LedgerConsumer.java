package dev.commerce.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The consumer of the test application: records each ledger change it applies. A payload marked {@code poison}
 * fails until a test declares the cause fixed.
 */
@ApplicationScoped
public class LedgerConsumer implements EventConsumer {

    static final String NAME = "messaging-test.ledger";
    static final AtomicBoolean POISON_FIXED = new AtomicBoolean();
    /** When each change was applied (System.nanoTime), by "ledger#changeNo": read by the latency benchmark. */
    static final java.util.Map<String, Long> APPLIED_AT = new java.util.concurrent.ConcurrentHashMap<>();

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public LedgerConsumer(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(LedgerChanges.TOPIC);
    }

    @Override
    public void handle(IncomingEvent event) throws Exception {
        JsonNode payload = json.readTree(event.payload());
        if (payload.path("poison").asBoolean() && !POISON_FIXED.get()) {
            throw new IllegalStateException("cannot apply a poisoned change");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO test_applied (event_id, ledger_id, sequence, change_no) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, event.id()).setParameter(2, payload.path("ledgerId").asText())
                .setParameter(3, event.sequence()).setParameter(4, payload.path("changeNo").asInt())
                .executeUpdate();
        entityManager.flush();
        APPLIED_AT.put(payload.path("ledgerId").asText() + "#" + payload.path("changeNo").asInt(), System.nanoTime());
    }
}
