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

    /**
     * Sends the service's records of the person ({@code jsonRecords}, each a JSON object) as as many chunks as their
     * size needs (none: one empty chunk); returns how many chunks.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int exportPart(Channel channel, UUID requestId, UUID customerId, List<String> jsonRecords) {
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
    @Transactional(Transactional.TxType.MANDATORY)
    public int erasureCompleted(Channel channel, UUID requestId, UUID customerId, List<String> identifiers, Instant now) {
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
