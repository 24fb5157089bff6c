package dev.commerce.inventory.messaging;

import dev.commerce.inventory.domain.Reservation;
import dev.commerce.inventory.domain.ReservationShortage;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happens to an order's stock, on {@code inventory.reservation.v1} (key = order id), recorded through the
 * outbox in the transaction that made it happen. Payloads: contracts/schemas/inventory/.
 */
@ApplicationScoped
public class ReservationEvents {

    public static final String TOPIC = Topics.INVENTORY_RESERVATION;
    static final EventType RESERVED = EventType.of(EventTypes.STOCK_RESERVED);
    static final EventType REJECTED = EventType.of(EventTypes.STOCK_RESERVATION_REJECTED);
    static final EventType EXPIRED = EventType.of(EventTypes.STOCK_RESERVATION_EXPIRED);
    static final EventType COMMITTED = EventType.of(EventTypes.STOCK_RESERVATION_COMMITTED);
    static final EventType RELEASED = EventType.of(EventTypes.STOCK_RESERVATION_RELEASED);
    static final EventType COMMIT_FAILED = EventType.of(EventTypes.STOCK_COMMIT_FAILED);

    public record HeldLine(String sku, int quantity, UUID warehouseId) {
    }

    public record ShortLine(String sku, int requested, int available) {
    }

    public record StockReserved(UUID orderId, UUID reservationId, List<HeldLine> lines, Instant expiresAt) {
    }

    public record StockReservationRejected(UUID orderId, List<ShortLine> lines) {
    }

    /** The payload of expired, committed and released: which order, which reservation. */
    public record ReservationChanged(UUID orderId, UUID reservationId) {
    }

    public record StockCommitFailed(UUID orderId, UUID reservationId, List<ShortLine> lines) {
    }

    private final Outbox outbox;

    public ReservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void reserved(Reservation reservation) {
        List<HeldLine> lines = reservation.lines().stream()
                .map(line -> new HeldLine(line.sku(), line.quantity(), line.warehouseId())).toList();
        record(reservation.orderId(), RESERVED,
                new StockReserved(reservation.orderId(), reservation.id(), lines, reservation.expiresAt()));
    }

    public void rejected(Reservation reservation) {
        record(reservation.orderId(), REJECTED, new StockReservationRejected(reservation.orderId(), shortLines(reservation.shortages())));
    }

    public void expired(Reservation reservation) {
        record(reservation.orderId(), EXPIRED, new ReservationChanged(reservation.orderId(), reservation.id()));
    }

    public void committed(Reservation reservation) {
        record(reservation.orderId(), COMMITTED, new ReservationChanged(reservation.orderId(), reservation.id()));
    }

    public void released(Reservation reservation) {
        record(reservation.orderId(), RELEASED, new ReservationChanged(reservation.orderId(), reservation.id()));
    }

    /** The order cannot be fulfilled from stock; {@code reservationId} is null when the order had none. */
    public void commitFailed(UUID orderId, UUID reservationId, List<ReservationShortage> shortages) {
        record(orderId, COMMIT_FAILED, new StockCommitFailed(orderId, reservationId, shortLines(shortages)));
    }

    private void record(UUID orderId, EventType type, Object payload) {
        outbox.record(TOPIC, type, orderId.toString(), payload);
    }

    private static List<ShortLine> shortLines(List<ReservationShortage> shortages) {
        return shortages.stream().map(s -> new ShortLine(s.sku(), s.requested(), s.available())).toList();
    }
}
