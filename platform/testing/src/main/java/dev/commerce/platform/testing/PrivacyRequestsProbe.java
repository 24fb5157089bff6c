package dev.commerce.platform.testing;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * customer-service's side of privacy requests, for a service's tests: publishes an export request or an erasure on
 * customer.privacy.v1 and reads the service's answers from its own privacy topic, each checked against its contract.
 */
public final class PrivacyRequestsProbe {

    private static final String REQUESTS = "customer.privacy.v1";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String answers;
    private final String service;

    /** {@code area}: the service's area, e.g. {@code cart} (answers on cart.privacy.v1 as cart-service). */
    public PrivacyRequestsProbe(String area) {
        this.answers = area + ".privacy.v1";
        this.service = area + "-service";
        TestEvents.ensureTopic(REQUESTS);
    }

    /** Asks for an export; returns the request id. */
    public String requestExport(String customerId, String email) {
        return publish("commerce.customer.privacy-export-requested.v1", customerId, email);
    }

    /** Announces an erasure; returns the request id. */
    public String erase(String customerId, String email) {
        return publish("commerce.customer.customer-erased.v1", customerId, email);
    }

    /** The service's whole part of the export: every chunk's records, in chunk order. */
    public List<Map<String, Object>> exportedRecords(String requestId) {
        String type = "commerce." + service.replace("-service", "") + ".privacy-export-part.v1";
        try (EventProbe probe = EventProbe.of(answers)) {
            List<EventProbe.ReceivedEvent> first = probe.awaitEvents(e -> matches(e, type, requestId), 1, DEADLINE);
            int parts = JsonPath.from(first.get(0).payload()).getInt("parts");
            List<EventProbe.ReceivedEvent> chunks = new ArrayList<>(probe.awaitEvents(e -> matches(e, type, requestId), parts, DEADLINE));
            chunks.sort(Comparator.comparingInt(e -> JsonPath.from(e.payload()).getInt("part")));
            List<Map<String, Object>> records = new ArrayList<>();
            for (EventProbe.ReceivedEvent chunk : chunks) {
                EventContracts.assertCatalogued(chunk.header("ce_type"), chunk.header("ce_source"));
                EventContracts.assertValidPayload(chunk.header("ce_type"), chunk.payload());
                records.addAll(JsonPath.from(chunk.payload()).getList("data"));
            }
            return records;
        }
    }

    /** Waits for the service's confirmation of the erasure. */
    public void awaitErasureCompleted(String requestId) {
        String type = "commerce." + service.replace("-service", "") + ".privacy-erasure-completed.v1";
        try (EventProbe probe = EventProbe.of(answers)) {
            EventProbe.ReceivedEvent done = probe.awaitEvent(e -> matches(e, type, requestId), DEADLINE);
            EventContracts.assertCatalogued(done.header("ce_type"), done.header("ce_source"));
            EventContracts.assertValidPayload(done.header("ce_type"), done.payload());
        }
    }

    private static boolean matches(EventProbe.ReceivedEvent event, String type, String requestId) {
        return type.equals(event.header("ce_type")) && event.payload() != null
                && requestId.equals(JsonPath.from(event.payload()).getString("requestId"));
    }

    private String publish(String type, String customerId, String email) {
        String requestId = UUID.randomUUID().toString();
        try (TestEvents customers = TestEvents.as("customer-service")) {
            customers.publish(REQUESTS, type, customerId, 1,
                    "{\"requestId\":\"%s\",\"customerId\":\"%s\",\"email\":\"%s\"}".formatted(requestId, customerId, email));
        }
        return requestId;
    }
}
