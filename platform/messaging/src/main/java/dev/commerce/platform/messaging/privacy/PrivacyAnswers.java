package dev.commerce.platform.messaging.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a service answers customer-service's privacy requests on its own privacy topic (key = customer id): its part
 * of an export in chunks ({@code privacy-export-part}), and the confirmation of an erasure
 * ({@code privacy-erasure-completed}), through the outbox in the transaction that read or erased the data.
 */
@ApplicationScoped
public class PrivacyAnswers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PrivacyAnswers.class);

    /** Where and as whom a service answers: its privacy topic, its two event types and its name. */
    public record Channel(String topic, String exportPartType, String erasureCompletedType, String service) {
    }

    public record ExportPart(UUID requestId, UUID customerId, String service, int part, int parts, List<Object> data) {
    }

    public record ErasureCompleted(UUID requestId, UUID customerId, String service, Instant completedAt) {
    }

    private final Outbox outbox;
    private final PlatformRecordsErasure platformRecords;
    private final ObjectMapper json;

    public PrivacyAnswers(Outbox outbox, PlatformRecordsErasure platformRecords, ObjectMapper json) {
        this.outbox = outbox;
        this.platformRecords = platformRecords;
        this.json = json;
    }

    /** Answers an export with what {@code store} holds of the person. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void export(Channel channel, PersonalDataStore store, UUID requestId, UUID customerId, String email) {
        List<String> records = store.records(customerId.toString(), normalise(email));
        int chunks = exportPart(channel, requestId, customerId, records);
        LOG.infof("Privacy export %s: %d record(s) of customer %s sent in %d chunk(s)", requestId, records.size(),
                customerId, chunks);
    }

    /** Erases what {@code store} holds of the person and the copies in platform tables, then confirms. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(Channel channel, PersonalDataStore store, UUID requestId, UUID customerId, String email, Instant now) {
        int changed = store.erase(customerId.toString(), normalise(email));
        int copies = erasureCompleted(channel, requestId, customerId, List.of(customerId.toString(), normalise(email)), now);
        LOG.infof("Erasure %s: %d row(s) of customer %s erased or anonymised, %d platform record(s) removed", requestId,
                changed, customerId, copies);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Sends the service's records of the person ({@code jsonRecords}, each a JSON object) as as many chunks as their
     * size needs (none: one empty chunk); returns how many chunks.
     */
    private int exportPart(Channel channel, UUID requestId, UUID customerId, List<String> jsonRecords) {
        List<Object> records = jsonRecords.stream().<Object>map(this::parse).toList();
        List<List<Object>> chunks = ExportChunks.split(records, json, ExportChunks.DEFAULT_MAX_BYTES);
        for (int i = 0; i < chunks.size(); i++) {
            outbox.record(channel.topic(), EventType.of(channel.exportPartType()), customerId.toString(),
                    new ExportPart(requestId, customerId, channel.service(), i + 1, chunks.size(), chunks.get(i)));
        }
        return chunks.size();
    }

    /**
     * After the service erased its own records: removes the copies in platform tables naming the person
     * ({@code identifiers}: customer id, e-mail address) and confirms; returns how many copies were removed.
     */
    private int erasureCompleted(Channel channel, UUID requestId, UUID customerId, List<String> identifiers, Instant now) {
        int copies = platformRecords.erase(identifiers);
        outbox.record(channel.topic(), EventType.of(channel.erasureCompletedType()), customerId.toString(),
                new ErasureCompleted(requestId, customerId, channel.service(), now));
        return copies;
    }

    private Object parse(String record) {
        try {
            return json.readTree(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an export record is not JSON", e);
        }
    }
}
