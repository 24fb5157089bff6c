package dev.commerce.inventory.api;

import dev.commerce.inventory.domain.Reservation;
import dev.commerce.inventory.domain.ReservationLine;
import dev.commerce.inventory.domain.ReservationShortage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Reservation", description = "Stock held for an order, where it is held, and until when")
public record ReservationResponse(UUID id, UUID orderId, Reservation.Status status,
                                  @Schema(description = "When the stock is released unless committed") Instant expiresAt,
                                  @Schema(description = "Units held per SKU per warehouse") List<Line> lines,
                                  @Schema(description = "Short lines of a rejected reservation or failed commit") List<Shortage> shortages,
                                  Instant createdAt, Instant updatedAt) {

    @Schema(name = "ReservationLine")
    public record Line(@Schema(examples = "SKU-TEE-RED-M") String sku, UUID warehouseId, @Schema(examples = "2") int quantity) {

        static Line of(ReservationLine line) {
            return new Line(line.sku(), line.warehouseId(), line.quantity());
        }
    }

    @Schema(name = "ReservationShortage")
    public record Shortage(@Schema(examples = "SKU-TEE-RED-M") String sku, @Schema(examples = "3") int requested,
                           @Schema(examples = "1") int available) {

        static Shortage of(ReservationShortage shortage) {
            return new Shortage(shortage.sku(), shortage.requested(), shortage.available());
        }
    }

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.id(), reservation.orderId(), reservation.status(), reservation.expiresAt(),
                reservation.lines().stream().map(Line::of).toList(), shortagesOf(reservation), reservation.createdAt(),
                reservation.updatedAt());
    }

    static List<Shortage> shortagesOf(Reservation reservation) {
        return reservation.shortages().stream().map(Shortage::of).toList();
    }
}
