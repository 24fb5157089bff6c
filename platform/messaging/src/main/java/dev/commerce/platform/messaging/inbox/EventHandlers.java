package dev.commerce.platform.messaging.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.commerce.platform.web.http.CarriedContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *     .onBatch(EventTypes.ORDER_CONFIRMED, OrderConfirmed.class, confirmed -> reservations.commitAll(...))
 *     .build();
 * }</pre>
 */
public final class EventHandlers {

    /** Handles one event whose payload was read into {@code P}; throw to have it retried. */
    @FunctionalInterface
    public interface Handler<P> {
        void handle(P payload, IncomingEvent event) throws Exception;
    }

    /**
     * Handles several events of one type in one transaction, as if each were alone (one event's outcome must not
     * depend on the others' being in the same call); throw to have them applied one at a time. A single event comes
     * as a list of one.
     */
    @FunctionalInterface
    public interface BatchHandler<P> {
        void handle(List<Delivery<P>> deliveries) throws Exception;
    }

    /** An event of a batch, read into its record, with the context its work runs in ({@link CarriedContext#run}). */
    public record Delivery<P>(P payload, IncomingEvent event, CarriedContext context) {
    }

    /** The payload does not fit the record its type is declared with (or is not JSON). */
    public static final class MalformedEvent extends RuntimeException {
        MalformedEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A type's payload record and its handler: one of {@code single} and {@code batch}. */
    private record Typed<P>(Class<P> payloadType, Handler<P> single, BatchHandler<P> batch) {

        void apply(ObjectReader reader, IncomingEvent event) throws Exception {
            P payload = read(reader, event);
            if (single != null) {
                single.handle(payload, event);
            } else {
                batch.handle(List.of(new Delivery<>(payload, event, CarriedContext.capture())));
            }
        }

        void applyAll(ObjectReader reader, List<IncomingEvent> events, List<CarriedContext> contexts) throws Exception {
            List<Delivery<P>> deliveries = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                deliveries.add(new Delivery<>(read(reader, events.get(i)), events.get(i), contexts.get(i)));
            }
            batch.handle(deliveries);
        }

        private P read(ObjectReader reader, IncomingEvent event) {
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
            return payload;
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

    /** Whether events of this type are handled several at once ({@link Builder#onBatch}). */
    public boolean handlesTogether(String type) {
        Typed<?> typed = type == null ? null : byType.get(type);
        return typed != null && typed.batch() != null;
    }

    /**
     * Reads the payload into its record and calls its handler; does nothing for a type without one.
     * Constructors of payload records may validate (an {@link IllegalArgumentException} makes the event malformed).
     */
    public void dispatch(IncomingEvent event, ObjectMapper json) throws Exception {
        Typed<?> typed = event.type() == null ? null : byType.get(event.type());
        if (typed != null) {
            typed.apply(reader(json), event);
        }
    }

    /**
     * Reads the payloads of events of one type {@linkplain #handlesTogether handled together} and calls its handler
     * once with all of them, each with its context ({@code contexts}, in the events' order).
     */
    public void dispatchTogether(List<IncomingEvent> events, List<CarriedContext> contexts, ObjectMapper json)
            throws Exception {
        String type = events.get(0).type();
        if (!handlesTogether(type) || events.stream().anyMatch(event -> !type.equals(event.type()))) {
            throw new IllegalArgumentException("events handled together must be of one type with a batch handler");
        }
        byType.get(type).applyAll(reader(json), events, contexts);
    }

    private static ObjectReader reader(ObjectMapper json) {
        return json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static final class Builder {
        private final Map<String, Typed<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /** Declares the handler of {@code ceType}; a type is declared once. */
        public <P> Builder on(String ceType, Class<P> payloadType, Handler<P> handler) {
            return declare(ceType, new Typed<>(Objects.requireNonNull(payloadType), Objects.requireNonNull(handler), null));
        }

        /** Declares the handler of {@code ceType} that takes the events of a poll together; a type is declared once. */
        public <P> Builder onBatch(String ceType, Class<P> payloadType, BatchHandler<P> handler) {
            return declare(ceType, new Typed<>(Objects.requireNonNull(payloadType), null, Objects.requireNonNull(handler)));
        }

        private Builder declare(String ceType, Typed<?> typed) {
            Objects.requireNonNull(ceType);
            if (byType.putIfAbsent(ceType, typed) != null) {
                throw new IllegalStateException(ceType + " has two handlers");
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
