package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import dev.commerce.inventory.domain.StockStatus;
import dev.commerce.inventory.persistence.StockRepository;
import dev.commerce.inventory.persistence.WarehouseRepository;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.Optional;
import dev.commerce.platform.web.http.Versions;

/**
 * Stock levels: set, adjust and receive stock per warehouse, each change written to the ledger and announced as
 * {@code stock-level-changed} in the same transaction; availability over active warehouses. One transaction per
 * method; the stock item is locked while it changes.
 */
@ApplicationScoped
@Transactional
public class StockLevels {

    /** A SKU's totals over active warehouses, its status, and its stock per warehouse. */
    public record Level(String sku, long onHand, long reserved, long available, StockStatus status,
                        LocalDate expectedRestockDate, List<StockItem> items) {
    }

    /** What a storefront shows for a SKU. */
    public record Availability(String sku, long available, StockStatus status, LocalDate expectedRestockDate) {
    }

    private final StockRepository stock;
    private final WarehouseRepository warehouses;
    private final LevelAnnouncer announcer;
    private final Clock clock;

    public StockLevels(StockRepository stock, WarehouseRepository warehouses, LevelAnnouncer announcer, Clock clock) {
        this.clock = clock;
        this.stock = stock;
        this.warehouses = warehouses;
        this.announcer = announcer;
    }

    /** Sets on-hand stock absolutely; the ledger records the difference with the reason. */
    /**
     * Sets on-hand stock absolutely; the ledger records the difference with the reason. {@code checkVersion} gets
     * the item's version, or {@link Versions#NEW} when this call creates it.
     */
    public StockItem setOnHand(String sku, UUID warehouseId, int onHand, String reason, String admin, LongConsumer checkVersion) {
        requireWarehouse(warehouseId);
        Optional<StockItem> existing = stock.lockItem(sku, warehouseId);
        StockItem item = existing.orElseGet(() -> create(sku, warehouseId));
        checkVersion.accept(existing.isPresent() ? item.version() : Versions.NEW);
        return move(item, StockMovement.Type.ADJUSTMENT, onHand - item.onHand(), reason, null, admin);
    }

    public StockItem adjust(String sku, UUID warehouseId, int delta, String reason, String admin) {
        if (delta == 0) {
            throw ProblemException.invalidField("delta", "must not be zero");
        }
        return move(lockOrCreate(sku, warehouseId), StockMovement.Type.ADJUSTMENT, delta, reason, null, admin);
    }

    public StockItem receive(String sku, UUID warehouseId, int quantity, String reference, String admin) {
        return move(lockOrCreate(sku, warehouseId), StockMovement.Type.RECEIPT, quantity, null, reference, admin);
    }

    public SkuPolicy setPolicy(String sku, int lowStockThreshold, boolean backorderable, LocalDate expectedRestockDate,
                               LongConsumer checkVersion) {
        Optional<SkuPolicy> existing = stock.policy(sku);
        SkuPolicy policy = existing.orElseGet(() -> {
            SkuPolicy created = new SkuPolicy(sku);
            stock.add(created);
            return created;
        });
        checkVersion.accept(existing.isPresent() ? policy.version() : Versions.NEW);
        policy.change(lowStockThreshold, backorderable, expectedRestockDate);
        stock.applyBackorderPolicy(sku, backorderable);
        announcer.announce(List.of(sku));
        return policy;
    }

    /** Announces the levels of every SKU a warehouse holds (its activation changes the totals). */
    public void announceWarehouse(UUID warehouseId) {
        announcer.announce(stock.skusIn(warehouseId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Level level(String sku) {
        List<StockItem> items = stock.itemsOf(sku);
        if (items.isEmpty()) {
            throw ProblemException.notFound("SKU", sku);
        }
        StockRepository.Totals totals = stock.totals(List.of(sku)).get(sku);
        SkuPolicy policy = policyOf(sku);
        return new Level(sku, totals.onHand(), totals.reserved(), totals.available(), policy.statusOf(totals.available()),
                policy.expectedRestockDate(), items);
    }

    /** Availability of the SKUs that have stock records, in the order asked; unknown SKUs are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Availability> availability(Collection<String> skus) {
        Map<String, StockRepository.Totals> totals = stock.totals(skus);
        Map<String, SkuPolicy> policies = stock.policies(totals.keySet());
        Map<String, Availability> result = new LinkedHashMap<>();
        for (String sku : skus) {
            StockRepository.Totals total = totals.get(sku);
            if (total != null) {
                SkuPolicy policy = policies.getOrDefault(sku, new SkuPolicy(sku));
                result.put(sku, new Availability(sku, Math.max(0, total.available()), policy.statusOf(total.available()),
                        policy.expectedRestockDate()));
            }
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StockMovement> movements(String sku, PageParams page) {
        Long after = null;
        if (page.cursor != null) {
            try {
                after = Long.parseLong(Cursor.decode(page.cursor, 1).value(0));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
            }
        }
        return Page.fromLookahead(stock.movements(sku, after, page.limit + 1), page.limit,
                movement -> Cursor.after(movement.id().toString()));
    }

    private StockItem lockOrCreate(String sku, UUID warehouseId) {
        requireWarehouse(warehouseId);
        return stock.lockItem(sku, warehouseId).orElseGet(() -> create(sku, warehouseId));
    }

    private void requireWarehouse(UUID warehouseId) {
        if (warehouses.findByIdOptional(warehouseId).isEmpty()) {
            throw ProblemException.notFound("warehouse", warehouseId);
        }
    }

    private StockItem create(String sku, UUID warehouseId) {
        boolean backorderable = stock.policy(sku).map(SkuPolicy::backorderable).orElse(false);
        StockItem item = new StockItem(sku, warehouseId, backorderable, Instant.now(clock));
        stock.add(item);
        return item;
    }

    private StockItem move(StockItem item, StockMovement.Type type, int onHandDelta, String reason, String reference,
                           String admin) {
        Instant now = Instant.now(clock);
        item.changeOnHand(onHandDelta, now);
        stock.record(List.of(new StockMovement(item, type, onHandDelta, 0, reason, reference, admin, now)));
        announcer.announce(List.of(item.sku()));
        return item;
    }

    private SkuPolicy policyOf(String sku) {
        return stock.policy(sku).orElseGet(() -> new SkuPolicy(sku));
    }
}
