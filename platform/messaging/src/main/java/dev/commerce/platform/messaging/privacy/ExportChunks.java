package dev.commerce.platform.messaging.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a service's part of a privacy export into chunks whose JSON stays well under the broker's message size
 * (1 MB by default): each chunk travels as one {@code privacy-export-part} event. An empty part is one empty chunk,
 * so the collector still learns the service has nothing.
 */
public final class ExportChunks {

    /** A quarter of Kafka's default maximum message size: room for headers and the envelope. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private ExportChunks() {
    }

    public static List<List<Object>> split(List<?> records, ObjectMapper json, int maxBytes) {
        List<List<Object>> chunks = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        int size = 2;
        for (Object record : records) {
            int recordSize = sizeOf(record, json) + 1;
            if (!current.isEmpty() && size + recordSize > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 2;
            }
            current.add(record);
            size += recordSize;
        }
        chunks.add(current);
        return chunks;
    }

    private static int sizeOf(Object record, ObjectMapper json) {
        try {
            return json.writeValueAsString(record).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an export record cannot be written as JSON: " + record.getClass(), e);
        }
    }
}
