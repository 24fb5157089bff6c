package dev.commerce.inventory.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.inventory.application.Reservations;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import dev.commerce.platform.messaging.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * inventory's part of the checkout saga, through the inbox: {@code order-placed} reserves and {@code order-confirmed}
 * commits (the orders of a poll together, with one lock of their stock), {@code order-cancelled} releases,
 * {@code return-received} restocks. Each handler reads the fields it needs and calls one use case of
 * {@link Reservations}; a payload that is not valid is refused (dead-lettered) with the reason.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {

    /** A line of an order event: a SKU and how many units. */
    record Line(String sku, int quantity) {
        Line {
            if (sku == null || sku.isBlank() || sku.length() > 64 || quantity <= 0) {
                throw new IllegalArgumentException("line " + sku + " x " + quantity + " needs a SKU and a positive quantity");
            }
        }
    }

    record OrderPlaced(UUID orderId, List<Line> lines) {
        OrderPlaced {
            requireOrder(orderId);
            requireLines(lines);
        }
    }

    /** order-confirmed and order-cancelled: inventory needs only the order. */
    record OrderChanged(UUID orderId) {
        OrderChanged {
            requireOrder(orderId);
        }
    }

    record ReturnReceived(UUID orderId, UUID returnId, List<Line> lines) {
        ReturnReceived {
            requireOrder(orderId);
            if (returnId == null) {
                throw new IllegalArgumentException("the event has no returnId");
            }
            requireLines(lines);
        }
    }

    private final EventHandlers handlers;

    public OrderEventsConsumer(Reservations reservations) {
        this.handlers = EventHandlers.builder()
                .onBatch(EventTypes.ORDER_PLACED, OrderPlaced.class, placed -> reservations.reserveAll(placed.stream()
                        .map(delivery -> new Reservations.Request(delivery.payload().orderId(),
                                units(delivery.payload().lines()), null, actor(delivery.event()), delivery.context()))
                        .toList()))
                .onBatch(EventTypes.ORDER_CONFIRMED, OrderChanged.class, confirmed -> reservations.commitConfirmedOrders(
                        confirmed.stream().map(delivery -> new Reservations.Confirmation(delivery.payload().orderId(),
                                actor(delivery.event()), delivery.context())).toList()))
                .on(EventTypes.ORDER_CANCELLED, OrderChanged.class, (cancelled, event) ->
                        reservations.release(cancelled.orderId(), actor(event)))
                .on(EventTypes.RETURN_RECEIVED, ReturnReceived.class, (returned, event) ->
                        reservations.restockReturn(returned.returnId(), returned.orderId(), units(returned.lines()), actor(event)))
                .build();
    }

    @Override
    public String name() {
        return "inventory-service.orders";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.ORDER);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private static String actor(IncomingEvent event) {
        return "event:" + event.id();
    }

    /** Units per SKU (repeated SKUs merged). */
    private static Map<String, Integer> units(List<Line> lines) {
        Map<String, Integer> units = new LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.sku(), line.quantity(), Math::addExact));
        return units;
    }

    private static void requireOrder(UUID orderId) {
        if (orderId == null) {
            throw new IllegalArgumentException("the event has no orderId");
        }
    }

    private static void requireLines(List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("the event has no lines");
        }
    }
}
