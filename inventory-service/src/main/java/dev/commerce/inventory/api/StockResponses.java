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
    public record Item(String sku, UUID warehouseId, int onHand, int reserved, int available, long version, Instant updatedAt) {
        static Item of(StockItem item) {
            return new Item(item.sku(), item.warehouseId(), item.onHand(), item.reserved(), item.available(), item.version(),
                    item.updatedAt());
        }
    }

    @Schema(name = "StockLevel", description = "A SKU's totals over active warehouses, and its stock per warehouse")
    public record Level(String sku, long onHand, long reserved, long available, StockStatus status,
                        LocalDate expectedRestockDate, List<Item> warehouses) {
        static Level of(StockLevels.Level level) {
            return new Level(level.sku(), level.onHand(), level.reserved(), level.available(), level.status(),
                    level.expectedRestockDate(), level.items().stream().map(Item::of).toList());
        }
    }

    @Schema(name = "Availability")
    public record Availability(String sku, long available, StockStatus status, LocalDate expectedRestockDate) {
        static Availability of(StockLevels.Availability availability) {
            return new Availability(availability.sku(), availability.available(), availability.status(),
                    availability.expectedRestockDate());
        }
    }

    @Schema(name = "AvailabilityList")
    public record AvailabilityList(List<Availability> items,
                                   @Schema(description = "Requested SKUs this inventory does not stock") List<String> unknownSkus) {
    }

    @Schema(name = "SkuPolicyView")
    public record Policy(String sku, int lowStockThreshold, boolean backorderable, LocalDate expectedRestockDate, long version) {
        static Policy of(SkuPolicy policy) {
            return new Policy(policy.sku(), policy.lowStockThreshold(), policy.backorderable(), policy.expectedRestockDate(),
                    policy.version());
        }
    }

    @Schema(name = "StockMovement", description = "A line of the ledger")
    public record Movement(long id, String sku, UUID warehouseId, StockMovement.Type type, int onHandDelta, int reservedDelta,
                           String reason, String reference, String createdBy, Instant createdAt) {
        static Movement of(StockMovement movement) {
            return new Movement(movement.id(), movement.sku(), movement.warehouseId(), movement.type(), movement.onHandDelta(),
                    movement.reservedDelta(), movement.reason(), movement.reference(), movement.createdBy(), movement.createdAt());
        }
    }
}
