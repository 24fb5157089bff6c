package dev.commerce.inventory.api;

import dev.commerce.inventory.application.Warehouses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The editable fields of a warehouse (create also takes its code). */
@Schema(name = "WarehouseRequest")
public record WarehouseRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1 to 32 uppercase letters, digits, '-' or '_'")
        @Schema(description = "Unique code; required on create, ignored on update", examples = "BER-1") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Berlin fulfilment centre") String name,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
        @Schema(examples = "DE") String country,
        @NotNull @PositiveOrZero @Schema(description = "Allocation order: lower first", examples = "10") Integer priority,
        @Schema(description = "Counts towards availability; default true") Boolean active) {

    Warehouses.Details details() {
        return new Warehouses.Details(name, country, priority, active == null || active);
    }
}
