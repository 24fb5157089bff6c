package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.Allocator;
import dev.commerce.inventory.domain.Reservation;
import dev.commerce.inventory.domain.ReservationLine;
import dev.commerce.inventory.domain.ReservationShortage;
import dev.commerce.inventory.domain.SkuPolicy;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import dev.commerce.inventory.domain.Warehouse;
import dev.commerce.inventory.messaging.ReservationEvents;
import dev.commerce.inventory.persistence.ReservationRepository;
import dev.commerce.inventory.persistence.StockRepository;
import dev.commerce.inventory.persistence.WarehouseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reservations: hold an order's lines all or nothing, commit them, release them, expire them, put returns back.
 * Every operation is idempotent per order id and locks in one order (the order, then its reservation, then stock
 * items by SKU and warehouse), so concurrent requests, event deliveries and instances never oversell or deadlock.
 * Each change writes the ledger and announces what changed, in the caller's transaction or a new one.
 */
@ApplicationScoped
@Transactional
public class Reservations {

    /** A reservation and whether this call created it (false: the order had one, returned as it is). */
    public record Outcome(Reservation reservation, boolean created) {
    }

    /** How a commit ended. */
    public enum CommitResult {
        /** The stock left the shelf now (or had already: the call was a repeat). */
        COMMITTED,
        /** The reservation had expired and the stock was gone; {@code stock-commit-failed} was emitted (maybe earlier). */
        FAILED,
        /** Nothing to commit: the order's reservation was released or rejected. */
        NOT_ACTIVE
    }

    public record Commit(Reservation reservation, CommitResult result) {
    }

    private final ReservationRepository reservations;
    private final StockRepository stock;
    private final WarehouseRepository warehouses;
    private final ReservationEvents events;
    private final LevelAnnouncer levels;
    private final ReservationConfig config;
    private final Clock clock = Clock.systemUTC();

    public Reservations(ReservationRepository reservations, StockRepository stock, WarehouseRepository warehouses,
                        ReservationEvents events, LevelAnnouncer levels, ReservationConfig config) {
        this.reservations = reservations;
        this.stock = stock;
        this.warehouses = warehouses;
        this.events = events;
        this.levels = levels;
        this.config = config;
    }

    /**
     * Holds {@code units} (per SKU, positive) for the order for {@code hold} (the configured lifetime when null),
     * or records why it cannot; an order that has a reservation gets it back unchanged.
     */
    public Outcome reserve(UUID orderId, Map<String, Integer> units, Duration hold, String actor) {
        reservations.lockOrder(orderId);
        Optional<Reservation> existing = reservations.byOrder(orderId);
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        Instant now = Instant.now(clock);
        Allocator.Result allocation = allocate(units);
        Reservation reservation;
        if (allocation instanceof Allocator.Placed placed) {
            reservation = Reservation.held(orderId, hold(placed, orderId, actor, now),
                    now.plus(hold == null ? config.lifetime() : hold), actor, now);
            reservations.add(reservation);
            events.reserved(reservation);
            levels.announce(units.keySet());
        } else {
            reservation = Reservation.rejected(orderId, shortages((Allocator.Short) allocation), actor, now);
            reservations.add(reservation);
            events.rejected(reservation);
        }
        return new Outcome(reservation, true);
    }

    /**
     * Takes the order's reserved stock off the shelf. An expired reservation is held again first if the stock is
     * still there; if not, the commit fails and {@code stock-commit-failed} says which lines are short.
     * Empty when the order has no reservation.
     */
    public Optional<Commit> commit(UUID orderId, String actor) {
        reservations.lockOrder(orderId);
        return reservations.lockByOrder(orderId).map(reservation -> switch (reservation.status()) {
            case COMMITTED -> new Commit(reservation, CommitResult.COMMITTED);
            case COMMIT_FAILED -> new Commit(reservation, CommitResult.FAILED);
            case RELEASED, REJECTED -> new Commit(reservation, CommitResult.NOT_ACTIVE);
            case ACTIVE -> commitHeld(reservation, actor);
            case EXPIRED -> holdAgainAndCommit(reservation, actor);
        });
    }

    /**
     * Gives the order's stock back: reserved units become available again, committed ones go back on the shelf.
     * A reservation that holds nothing is returned unchanged. Empty when the order has no reservation.
     */
    public Optional<Reservation> release(UUID orderId, String actor) {
        reservations.lockOrder(orderId);
        return reservations.lockByOrder(orderId).map(reservation -> {
            if (!reservation.status().holdsStock()) {
                return reservation;
            }
            Instant now = Instant.now(clock);
            boolean committed = reservation.status() == Reservation.Status.COMMITTED;
            Map<String, StockItem> items = lockItems(reservation.lines());
            for (ReservationLine line : reservation.lines()) {
                StockItem item = items.get(key(line.sku(), line.warehouseId()));
                if (committed) {
                    item.changeOnHand(line.quantity(), now);
                    ledger(item, StockMovement.Type.RELEASE, line.quantity(), 0, orderId, actor, now);
                } else {
                    item.release(line.quantity(), now);
                    ledger(item, StockMovement.Type.RELEASE, 0, -line.quantity(), orderId, actor, now);
                }
            }
            reservation.released(now);
            events.released(reservation);
            levels.announce(reservation.requestedUnits().keySet());
            return reservation;
        });
    }

    /**
     * Expires the next due reservation in a transaction of its own; false when none is due. Instances running this
     * at once each take a different reservation (the rows are locked, skipping locked ones).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expireNextDue() {
        Instant now = Instant.now(clock);
        Optional<Reservation> due = reservations.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        Reservation reservation = due.get();
        Map<String, StockItem> items = lockItems(reservation.lines());
        for (ReservationLine line : reservation.lines()) {
            StockItem item = items.get(key(line.sku(), line.warehouseId()));
            item.release(line.quantity(), now);
            ledger(item, StockMovement.Type.EXPIRY, 0, -line.quantity(), reservation.orderId(), "reservation-expiry", now);
        }
        reservation.expired(now);
        events.expired(reservation);
        levels.announce(reservation.requestedUnits().keySet());
        return true;
    }

    /**
     * Puts returned goods back on the shelf, once per return: into the warehouse the order's units came from, else
     * the first active warehouse that stocks the SKU, else the first active warehouse. False for a repeat.
     */
    public boolean restockReturn(UUID returnId, UUID orderId, Map<String, Integer> units, String actor) {
        Instant now = Instant.now(clock);
        if (!reservations.firstReceiptOfReturn(returnId, orderId, now)) {
            return false;
        }
        Map<String, UUID> shippedFrom = reservations.byOrder(orderId)
                .map(reservation -> reservation.lines().stream()
                        .collect(Collectors.toMap(ReservationLine::sku, ReservationLine::warehouseId, (first, second) -> first)))
                .orElse(Map.of());
        Map<String, StockItem> items = stock.lockItems(units.keySet()).stream()
                .collect(Collectors.toMap(item -> key(item.sku(), item.warehouseId()), Function.identity()));
        List<Warehouse> active = activeByPriority();
        for (Map.Entry<String, Integer> line : new TreeMap<>(units).entrySet()) {
            String sku = line.getKey();
            UUID warehouseId = Optional.ofNullable(shippedFrom.get(sku))
                    .or(() -> active.stream().map(Warehouse::id).filter(id -> items.containsKey(key(sku, id))).findFirst())
                    .or(() -> active.stream().map(Warehouse::id).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no active warehouse to restock return " + returnId + " into"));
            StockItem item = items.computeIfAbsent(key(sku, warehouseId), k -> newItem(sku, warehouseId, now));
            item.changeOnHand(line.getValue(), now);
            ledger(item, StockMovement.Type.RETURN, line.getValue(), 0, returnId, actor, now);
        }
        levels.announce(units.keySet());
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Reservation> byOrder(UUID orderId) {
        return reservations.byOrder(orderId);
    }

    private Commit commitHeld(Reservation reservation, String actor) {
        Instant now = Instant.now(clock);
        Set<String> backorderable = backorderable(reservation.requestedUnits().keySet());
        Map<String, StockItem> items = lockItems(reservation.lines());
        for (ReservationLine line : reservation.lines()) {
            StockItem item = items.get(key(line.sku(), line.warehouseId()));
            item.commit(line.quantity(), backorderable.contains(line.sku()), now);
            ledger(item, StockMovement.Type.COMMIT, -line.quantity(), -line.quantity(), reservation.orderId(), actor, now);
        }
        reservation.committed(now);
        events.committed(reservation);
        levels.announce(reservation.requestedUnits().keySet());
        return new Commit(reservation, CommitResult.COMMITTED);
    }

    private Commit holdAgainAndCommit(Reservation reservation, String actor) {
        Instant now = Instant.now(clock);
        Map<String, Integer> units = reservation.requestedUnits();
        Allocator.Result allocation = allocate(units);
        if (allocation instanceof Allocator.Placed placed) {
            reservation.heldAgain(hold(placed, reservation.orderId(), actor, now), now.plus(config.lifetime()), now);
            return commitHeld(reservation, actor);
        }
        reservation.commitFailed(shortages((Allocator.Short) allocation), now);
        events.commitFailed(reservation.orderId(), reservation.id(), reservation.shortages());
        return new Commit(reservation, CommitResult.FAILED);
    }

    /** Locks every stock item of the SKUs and decides where the units come from. */
    private Allocator.Result allocate(Map<String, Integer> units) {
        List<Warehouse> active = activeByPriority();
        Set<UUID> activeIds = active.stream().map(Warehouse::id).collect(Collectors.toSet());
        List<Allocator.Stock> available = stock.lockItems(units.keySet()).stream()
                .filter(item -> activeIds.contains(item.warehouseId()))
                .map(item -> new Allocator.Stock(item.sku(), item.warehouseId(), item.available()))
                .toList();
        List<Allocator.Rank> ranks = active.stream().map(w -> new Allocator.Rank(w.id(), w.priority())).toList();
        return Allocator.allocate(units, ranks, available, backorderable(units.keySet()));
    }

    /** Reserves each placed slot on its (locked) stock item and writes the ledger; returns the reservation lines. */
    private List<ReservationLine> hold(Allocator.Placed placed, UUID orderId, String actor, Instant now) {
        Set<String> backorderable = backorderable(placed.slots().stream().map(Allocator.Slot::sku).collect(Collectors.toSet()));
        Map<String, StockItem> items = lockItems(placed.slots().stream()
                .map(slot -> new ReservationLine(slot.sku(), slot.warehouseId(), slot.quantity())).toList());
        List<ReservationLine> lines = new ArrayList<>();
        for (Allocator.Slot slot : placed.slots()) {
            StockItem item = items.computeIfAbsent(key(slot.sku(), slot.warehouseId()), k -> newItem(slot.sku(), slot.warehouseId(), now));
            item.reserve(slot.quantity(), backorderable.contains(slot.sku()), now);
            ledger(item, StockMovement.Type.RESERVATION, 0, slot.quantity(), orderId, actor, now);
            lines.add(new ReservationLine(slot.sku(), slot.warehouseId(), slot.quantity()));
        }
        return lines;
    }

    /** The stock items of these lines' SKUs, locked (already locked ones are returned from the session). */
    private Map<String, StockItem> lockItems(List<ReservationLine> lines) {
        Set<String> skus = lines.stream().map(ReservationLine::sku).collect(Collectors.toSet());
        Map<String, StockItem> items = new HashMap<>();
        stock.lockItems(skus).forEach(item -> items.put(key(item.sku(), item.warehouseId()), item));
        return items;
    }

    private StockItem newItem(String sku, UUID warehouseId, Instant now) {
        StockItem item = new StockItem(sku, warehouseId, now);
        stock.add(item);
        return item;
    }

    private void ledger(StockItem item, StockMovement.Type type, int onHandDelta, int reservedDelta, UUID reference,
                        String actor, Instant now) {
        stock.add(new StockMovement(item, type, onHandDelta, reservedDelta, null, reference.toString(), actor, now));
    }

    private Set<String> backorderable(Set<String> skus) {
        return stock.policies(skus).values().stream().filter(SkuPolicy::backorderable).map(SkuPolicy::sku)
                .collect(Collectors.toSet());
    }

    private List<Warehouse> activeByPriority() {
        return warehouses.active().stream()
                .sorted(Comparator.comparingInt(Warehouse::priority).thenComparing(Warehouse::id)).toList();
    }

    private static List<ReservationShortage> shortages(Allocator.Short shortOf) {
        return shortOf.shortages().stream()
                .map(s -> new ReservationShortage(s.sku(), s.requested(), Math.max(0, s.available()))).toList();
    }

    private static String key(String sku, UUID warehouseId) {
        return sku + "@" + warehouseId;
    }
}
