package dev.commerce.inventory.api;

import dev.commerce.inventory.domain.Warehouse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Warehouse")
public record WarehouseResponse(UUID id, @Schema(examples = "BER-1") String code, @Schema(examples = "Berlin main") String name, @Schema(examples = "DE") String country, @Schema(examples = "1") int priority, boolean active,
                                @Schema(examples = "3") long version, Instant createdAt, Instant updatedAt) {

    static WarehouseResponse of(Warehouse warehouse) {
        return new WarehouseResponse(warehouse.id(), warehouse.code(), warehouse.name(), warehouse.country(),
                warehouse.priority(), warehouse.active(), warehouse.version(), warehouse.createdAt(), warehouse.updatedAt());
    }
}
