package dev.commerce.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides where an order's units come from, all or nothing: from one warehouse that can ship every line when
 * there is one (the first by priority), else per SKU from one warehouse that holds the whole line, else split over
 * warehouses in priority order. A SKU that falls short makes the whole order short, unless it may be backordered:
 * then the missing units are reserved ahead of a restock in the first warehouse that stocks it.
 * A pure function of what the caller read under lock, so the rules are tested without a database.
 */
public final class Allocator {

    /** An active warehouse and its rank: lower priority numbers ship first. */
    public record Rank(UUID warehouseId, int priority) {
    }

    /** What one active warehouse has available of one SKU right now. */
    public record Stock(String sku, UUID warehouseId, int available) {
    }

    /** Units of one SKU to hold in one warehouse. */
    public record Slot(String sku, UUID warehouseId, int quantity) {
    }

    /** A line that cannot be served: how many were asked for and how many are available over all warehouses. */
    public record Shortage(String sku, int requested, int available) {
    }

    /** The outcome: every line placed, or the lines that are short. */
    public sealed interface Result permits Placed, Short {
    }

    public record Placed(List<Slot> slots) implements Result {
    }

    public record Short(List<Shortage> shortages) implements Result {
    }

    private Allocator() {
    }

    /**
     * @param requested    units per SKU, in the order's line order (merge repeated SKUs first)
     * @param warehouses   the active warehouses
     * @param stock        available units per SKU per active warehouse (missing means none)
     * @param backorderable the SKUs that may be reserved beyond what is available
     */
    public static Result allocate(Map<String, Integer> requested, List<Rank> warehouses, List<Stock> stock,
                                  Set<String> backorderable) {
        List<UUID> order = warehouses.stream()
                .sorted(Comparator.comparingInt(Rank::priority).thenComparing(Rank::warehouseId))
                .map(Rank::warehouseId).toList();
        Map<String, Map<UUID, Integer>> available = new HashMap<>();
        for (Stock item : stock) {
            available.computeIfAbsent(item.sku(), sku -> new HashMap<>()).put(item.warehouseId(), Math.max(0, item.available()));
        }

        for (UUID warehouse : order) {
            if (requested.entrySet().stream().allMatch(line -> availableIn(available, line.getKey(), warehouse) >= line.getValue())) {
                List<Slot> slots = new ArrayList<>();
                requested.forEach((sku, quantity) -> slots.add(new Slot(sku, warehouse, quantity)));
                return new Placed(slots);
            }
        }

        Map<String, Map<UUID, Integer>> placed = new LinkedHashMap<>();
        List<Shortage> shortages = new ArrayList<>();
        for (Map.Entry<String, Integer> line : requested.entrySet()) {
            String sku = line.getKey();
            int quantity = line.getValue();
            Map<UUID, Integer> slotsOfSku = placed.computeIfAbsent(sku, key -> new LinkedHashMap<>());
            UUID whole = order.stream().filter(warehouse -> availableIn(available, sku, warehouse) >= quantity).findFirst().orElse(null);
            if (whole != null) {
                slotsOfSku.put(whole, quantity);
                continue;
            }
            int missing = quantity;
            for (UUID warehouse : order) {
                int take = Math.min(missing, availableIn(available, sku, warehouse));
                if (take > 0) {
                    slotsOfSku.merge(warehouse, take, Integer::sum);
                    missing -= take;
                }
            }
            if (missing > 0) {
                UUID backorderFrom = backorderable.contains(sku) ? backorderWarehouse(order, available.get(sku)) : null;
                if (backorderFrom == null) {
                    shortages.add(new Shortage(sku, quantity, quantity - missing));
                } else {
                    slotsOfSku.merge(backorderFrom, missing, Integer::sum);
                }
            }
        }
        if (!shortages.isEmpty()) {
            return new Short(shortages);
        }
        List<Slot> slots = new ArrayList<>();
        placed.forEach((sku, byWarehouse) -> byWarehouse.forEach((warehouse, quantity) -> slots.add(new Slot(sku, warehouse, quantity))));
        return new Placed(slots);
    }

    private static int availableIn(Map<String, Map<UUID, Integer>> available, String sku, UUID warehouse) {
        return available.getOrDefault(sku, Map.of()).getOrDefault(warehouse, 0);
    }

    /** The first warehouse by priority that stocks the SKU, else the first active one; null when none is active. */
    private static UUID backorderWarehouse(List<UUID> order, Map<UUID, Integer> stocking) {
        if (stocking != null) {
            for (UUID warehouse : order) {
                if (stocking.containsKey(warehouse)) {
                    return warehouse;
                }
            }
        }
        return order.isEmpty() ? null : order.get(0);
    }
}
