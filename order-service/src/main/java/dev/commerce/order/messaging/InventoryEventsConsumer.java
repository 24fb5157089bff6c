package dev.commerce.order.messaging;

import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.order.application.OrderSagaSteps;
import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.platform.messaging.inbox.EventConsumer;
import dev.commerce.platform.messaging.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * inventory's answers to the saga, through the inbox: {@code stock-reserved} starts the payment,
 * {@code stock-reservation-rejected} cancels with the short lines, {@code stock-reservation-expired} cancels an order
 * still waiting for its payment, {@code stock-commit-failed} voids and cancels. Each becomes one saga step.
 */
@ApplicationScoped
public class InventoryEventsConsumer implements EventConsumer {

    record StockReserved(UUID orderId, Instant expiresAt) {
        StockReserved {
            requireOrder(orderId);
        }
    }

    record RejectedLine(String sku, int requested, long available) {
    }

    record StockRejected(UUID orderId, List<RejectedLine> lines) {
        StockRejected {
            requireOrder(orderId);
            lines = lines == null ? List.of() : lines;
        }
    }

    /** stock-reservation-expired and stock-commit-failed: the order is all the saga needs. */
    record ReservationChanged(UUID orderId) {
        ReservationChanged {
            requireOrder(orderId);
        }
    }

    private final EventHandlers handlers;

    public InventoryEventsConsumer(OrderSagaSteps saga) {
        this.handlers = EventHandlers.builder()
                .on(EventTypes.STOCK_RESERVED, StockReserved.class, (reserved, event) ->
                        saga.stockReserved(reserved.orderId(), reserved.expiresAt()))
                .on(EventTypes.STOCK_RESERVATION_REJECTED, StockRejected.class, (rejected, event) ->
                        saga.on(rejected.orderId(), new SagaEvent.StockRejected(rejected.lines().stream()
                                .map(line -> new SagaEvent.ShortLine(line.sku(), line.requested(), line.available())).toList())))
                .on(EventTypes.STOCK_RESERVATION_EXPIRED, ReservationChanged.class, (expired, event) ->
                        saga.on(expired.orderId(), new SagaEvent.ReservationExpired()))
                .on(EventTypes.STOCK_COMMIT_FAILED, ReservationChanged.class, (failed, event) ->
                        saga.on(failed.orderId(), new SagaEvent.StockCommitFailed()))
                .build();
    }

    @Override
    public String name() {
        return "order-service.reservations";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INVENTORY_RESERVATION);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private static void requireOrder(UUID orderId) {
        if (orderId == null) {
            throw new IllegalArgumentException("the event has no orderId");
        }
    }
}
