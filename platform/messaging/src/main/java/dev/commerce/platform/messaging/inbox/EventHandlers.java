package dev.commerce.platform.messaging.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a consumer does with each event type it cares about: one typed handler per {@code ce_type}, with the record
 * the payload is read into (fields it does not declare are ignored, so producers may add fields). Events of other
 * types are skipped. A payload that cannot be read into its record is {@link MalformedEvent}: retrying cannot mend
 * it, so it is dead-lettered at once.
 *
 * <pre>{@code
 * EventHandlers.builder()
 *     .on(EventTypes.ORDER_PLACED, OrderPlaced.class, (placed, event) -> reservations.reserveOrder(...))
 *     .build();
 * }</pre>
 */
public final class EventHandlers {

    /** Handles one event whose payload was read into {@code P}; throw to have it retried. */
    @FunctionalInterface
    public interface Handler<P> {
        void handle(P payload, IncomingEvent event) throws Exception;
    }

    /** The payload does not fit the record its type is declared with (or is not JSON). */
    public static final class MalformedEvent extends RuntimeException {
        MalformedEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Typed<P>(Class<P> payloadType, Handler<P> handler) {

        void apply(ObjectReader reader, IncomingEvent event) throws Exception {
            P payload;
            try {
                payload = reader.forType(payloadType).readValue(event.payload());
            } catch (IOException | IllegalArgumentException e) {
                throw new MalformedEvent("the payload of " + event.type() + " does not fit " + payloadType.getSimpleName()
                        + ": " + e.getMessage(), e);
            }
            if (payload == null) {
                throw new MalformedEvent("the event " + event.type() + " has no payload", null);
            }
            handler.handle(payload, event);
        }
    }

    private final Map<String, Typed<?>> byType;

    private EventHandlers(Map<String, Typed<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event types this consumer acts on. */
    public Set<String> types() {
        return byType.keySet();
    }

    /** Whether an event of this type has a handler (others are skipped without a transaction). */
    public boolean handles(String type) {
        return type != null && byType.containsKey(type);
    }

    /**
     * Reads the payload into its record and calls its handler; does nothing for a type without one.
     * Constructors of payload records may validate (an {@link IllegalArgumentException} makes the event malformed).
     */
    public void dispatch(IncomingEvent event, ObjectMapper json) throws Exception {
        Typed<?> typed = event.type() == null ? null : byType.get(event.type());
        if (typed != null) {
            typed.apply(json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES), event);
        }
    }

    public static final class Builder {
        private final Map<String, Typed<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /** Declares the handler of {@code ceType}; a type is declared once. */
        public <P> Builder on(String ceType, Class<P> payloadType, Handler<P> handler) {
            Objects.requireNonNull(ceType);
            if (byType.putIfAbsent(ceType, new Typed<>(Objects.requireNonNull(payloadType), Objects.requireNonNull(handler))) != null) {
                throw new IllegalStateException(ceType + " has two handlers");
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
