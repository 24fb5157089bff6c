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
                                  @Schema(description = "Units held per SKU per warehouse") List<ReservationLine> lines,
                                  @Schema(description = "Short lines of a rejected reservation or failed commit") List<ReservationShortage> shortages,
                                  Instant createdAt, Instant updatedAt) {

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(reservation.id(), reservation.orderId(), reservation.status(), reservation.expiresAt(),
                reservation.lines(), reservation.shortages(), reservation.createdAt(), reservation.updatedAt());
    }
}
