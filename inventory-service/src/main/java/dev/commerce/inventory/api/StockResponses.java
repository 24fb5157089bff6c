package dev.commerce.inventory.api;

import dev.commerce.inventory.application.StockLevels;
import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import dev.commerce.inventory.domain.StockStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the stock and availability endpoints. */
public final class StockResponses {

    private StockResponses() {
    }

    @Schema(name = "StockItem", description = "Stock of one SKU in one warehouse")
    public record Item(@Schema(examples = "SKU-TEE-RED-M") String sku, UUID warehouseId, @Schema(examples = "40") int onHand, @Schema(examples = "3") int reserved, @Schema(examples = "37") int available, @Schema(examples = "7") long version, Instant updatedAt) {
        static Item of(StockItem item) {
            return new Item(item.sku(), item.warehouseId(), item.onHand(), item.reserved(), item.available(), item.version(),
                    item.updatedAt());
        }
    }

    @Schema(name = "StockLevel", description = "A SKU's totals over active warehouses, and its stock per warehouse")
    public record Level(@Schema(examples = "SKU-TEE-RED-M") String sku, @Schema(examples = "52") long onHand, @Schema(examples = "3") long reserved, @Schema(examples = "49") long available, StockStatus status,
                        LocalDate expectedRestockDate, List<Item> warehouses) {
        static Level of(StockLevels.Level level) {
            return new Level(level.sku(), level.onHand(), level.reserved(), level.available(), level.status(),
                    level.expectedRestockDate(), level.items().stream().map(Item::of).toList());
        }
    }

    @Schema(name = "Availability")
    public record Availability(@Schema(examples = "SKU-TEE-RED-M") String sku, @Schema(examples = "49") long available, StockStatus status, LocalDate expectedRestockDate) {
        static Availability of(StockLevels.Availability availability) {
            return new Availability(availability.sku(), availability.available(), availability.status(),
                    availability.expectedRestockDate());
        }
    }

    @Schema(name = "AvailabilityList")
    public record AvailabilityList(List<Availability> items,
                                   @Schema(examples = "[\"SKU-RETIRED-1\"]", description = "Requested SKUs this inventory does not stock") List<String> unknownSkus) {
    }

    @Schema(name = "SkuPolicyView")
    public record Policy(@Schema(examples = "SKU-TEE-RED-M") String sku, @Schema(examples = "5") int lowStockThreshold, boolean backorderable, LocalDate expectedRestockDate, @Schema(examples = "2") long version) {
        static Policy of(SkuPolicy policy) {
            return new Policy(policy.sku(), policy.lowStockThreshold(), policy.backorderable(), policy.expectedRestockDate(),
                    policy.version());
        }
    }

    @Schema(name = "StockMovement", description = "A line of the ledger")
    public record Movement(@Schema(examples = "1842") long id, @Schema(examples = "SKU-TEE-RED-M") String sku, UUID warehouseId, StockMovement.Type type, @Schema(examples = "24") int onHandDelta, @Schema(examples = "0") int reservedDelta,
                           @Schema(examples = "Purchase order received") String reason, @Schema(examples = "PO-2026-118") String reference, @Schema(examples = "admin-1") String createdBy, Instant createdAt) {
        static Movement of(StockMovement movement) {
            return new Movement(movement.id(), movement.sku(), movement.warehouseId(), movement.type(), movement.onHandDelta(),
                    movement.reservedDelta(), movement.reason(), movement.reference(), movement.createdBy(), movement.createdAt());
        }
    }
}
