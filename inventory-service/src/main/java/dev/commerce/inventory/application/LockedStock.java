package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.Allocator;
import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import dev.commerce.inventory.domain.Warehouse;
import dev.commerce.inventory.persistence.StockRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every stock item of some SKUs, locked for the current transaction, with what decisions about them need: the
 * active warehouses by priority and the SKUs' policies (both read before the lock, so the lock is held briefly).
 * Holding all items of a SKU also means its totals are known without another query.
 */
final class LockedStock {

    private final StockRepository stock;
    private final List<Warehouse> active;
    private final Set<UUID> activeIds;
    private final Map<String, SkuPolicy> policies;
    private final Map<String, StockItem> items = new LinkedHashMap<>();
    private final List<StockMovement> ledger = new ArrayList<>();

    private LockedStock(StockRepository stock, List<Warehouse> warehouses, Map<String, SkuPolicy> policies) {
        this.stock = stock;
        this.active = warehouses.stream().filter(Warehouse::active)
                .sorted(Comparator.comparingInt(Warehouse::priority).thenComparing(Warehouse::id)).toList();
        this.activeIds = active.stream().map(Warehouse::id).collect(Collectors.toSet());
        this.policies = policies;
    }

    /** Reads warehouses and policies, then locks the SKUs' items in the one lock order (SKU, then warehouse). */
    static LockedStock of(Collection<String> skus, StockRepository stock, List<Warehouse> activeWarehouses) {
        LockedStock locked = new LockedStock(stock, activeWarehouses, stock.policies(skus));
        stock.lockItems(skus).forEach(item -> locked.items.put(key(item.sku(), item.warehouseId()), item));
        return locked;
    }

    /** The item of a SKU in a warehouse; created (and so held by this transaction) when the warehouse has none. */
    StockItem item(String sku, UUID warehouseId, Instant now) {
        return items.computeIfAbsent(key(sku, warehouseId), k -> {
            StockItem created = new StockItem(sku, warehouseId, backorderable(sku), now);
            stock.add(created);
            return created;
        });
    }

    /** Whether the warehouse has a stock item of the SKU (whatever its count). */
    boolean stocks(String sku, UUID warehouseId) {
        return items.containsKey(key(sku, warehouseId));
    }

    boolean backorderable(String sku) {
        SkuPolicy policy = policies.get(sku);
        return policy != null && policy.backorderable();
    }

    List<Warehouse> activeWarehouses() {
        return active;
    }

    /** Where the units come from, all or nothing, decided on the locked rows. */
    Allocator.Result allocate(Map<String, Integer> units) {
        List<Allocator.Stock> available = items.values().stream().filter(item -> activeIds.contains(item.warehouseId()))
                .map(item -> new Allocator.Stock(item.sku(), item.warehouseId(), item.available())).toList();
        List<Allocator.Rank> ranks = active.stream().map(w -> new Allocator.Rank(w.id(), w.priority())).toList();
        Set<String> backorderable = units.keySet().stream().filter(this::backorderable).collect(Collectors.toSet());
        return Allocator.allocate(units, ranks, available, backorderable);
    }

    /** Notes a movement of a locked item for the ledger; written by {@link #finish}. */
    void move(StockItem item, StockMovement.Type type, int onHandDelta, int reservedDelta, UUID reference, String actor,
              Instant now) {
        ledger.add(new StockMovement(item, type, onHandDelta, reservedDelta, null, reference.toString(), actor, now));
    }

    /**
     * Ends the work on the locked items: writes the movements noted (one statement however many) and announces the
     * changed SKUs' levels.
     */
    void finish(Collection<String> changedSkus, LevelAnnouncer announcer) {
        stock.record(ledger);
        ledger.clear();
        announce(changedSkus, announcer);
    }

    /** Announces the SKUs' levels (in sorted order) from the locked items: totals over active warehouses, status from the policy. */
    private void announce(Collection<String> skus, LevelAnnouncer announcer) {
        for (String sku : new TreeSet<>(skus)) {
            long onHand = 0;
            long reserved = 0;
            for (StockItem item : items.values()) {
                if (item.sku().equals(sku) && activeIds.contains(item.warehouseId())) {
                    onHand += item.onHand();
                    reserved += item.reserved();
                }
            }
            announcer.announce(sku, new StockRepository.Totals(sku, onHand, reserved), policies.get(sku));
        }
    }

    private static String key(String sku, UUID warehouseId) {
        return sku + "@" + warehouseId;
    }
}
