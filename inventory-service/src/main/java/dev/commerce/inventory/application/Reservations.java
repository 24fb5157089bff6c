package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.Allocator;
import dev.commerce.inventory.domain.Reservation;
import dev.commerce.inventory.domain.ReservationLine;
import dev.commerce.inventory.domain.ReservationShortage;
import dev.commerce.inventory.domain.StockItem;
import dev.commerce.inventory.domain.StockMovement;
import dev.commerce.inventory.domain.Warehouse;
import dev.commerce.inventory.messaging.ReservationEvents;
import dev.commerce.inventory.persistence.ReservationRepository;
import dev.commerce.inventory.persistence.StockRepository;
import dev.commerce.inventory.persistence.WarehouseRepository;
import dev.commerce.platform.web.http.CarriedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reservations: hold an order's lines all or nothing, commit them, release them, expire them, put returns back.
 * Every operation is idempotent per order id and locks in one order (the order, then its reservation, then stock
 * items by SKU and warehouse), so concurrent requests, event deliveries and instances never oversell or deadlock.
 * Each change writes the ledger and announces the new levels in the same transaction.
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

    /**
     * One order to reserve: its units per SKU, how long to hold them (null: the configured lifetime), who asks, and
     * the context of the request it came with (null when it runs on the request's own thread).
     */
    public record Request(UUID orderId, Map<String, Integer> units, Duration hold, String actor, CarriedContext context) {

        <T> T onBehalf(Supplier<T> work) {
            return inContext(context, work);
        }
    }

    private final ReservationRepository reservations;
    private final StockRepository stock;
    private final WarehouseRepository warehouses;
    private final ReservationEvents events;
    private final LevelAnnouncer levels;
    private final ReservationConfig config;
    private final Clock clock;

    public Reservations(ReservationRepository reservations, StockRepository stock, WarehouseRepository warehouses,
                        ReservationEvents events, LevelAnnouncer levels, ReservationConfig config, Clock clock) {
        this.clock = clock;
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
        return reserveAll(List.of(new Request(orderId, units, hold, actor, null))).get(0);
    }

    /**
     * Reserves several orders in one transaction, in the given order, each all or nothing as if alone: one lock of
     * the orders and of all their stock items, one announcement of each changed SKU's level at the end. Concurrent
     * API requests come here together ({@link ReservationBatches}); the outcomes are in the requests' order.
     */
    public List<Outcome> reserveAll(List<Request> requests) {
        List<UUID> orderIds = requests.stream().map(Request::orderId).toList();
        reservations.lockOrders(orderIds);
        Map<UUID, Reservation> known = new HashMap<>(reservations.byOrders(orderIds));
        Set<String> skus = new TreeSet<>();
        requests.stream().filter(request -> !known.containsKey(request.orderId()))
                .forEach(request -> skus.addAll(request.units().keySet()));
        LockedStock locked = skus.isEmpty() ? null : lock(skus);
        Set<String> changed = new TreeSet<>();
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Reservation existing = known.get(request.orderId());
            if (existing != null) {
                outcomes.add(new Outcome(existing, false));
                continue;
            }
            Reservation reservation = request.onBehalf(() -> hold(request, locked, changed));
            known.put(request.orderId(), reservation);
            outcomes.add(new Outcome(reservation, true));
        }
        if (!changed.isEmpty()) {
            locked.finish(changed, levels);
        }
        return outcomes;
    }

    /** Holds one order's units on the locked stock (or records the rejection) and announces the reservation. */
    private Reservation hold(Request request, LockedStock locked, Set<String> changed) {
        Instant now = Instant.now(clock);
        Allocator.Result allocation = locked.allocate(request.units());
        Reservation reservation;
        if (allocation instanceof Allocator.Placed placed) {
            reservation = Reservation.held(request.orderId(), hold(placed, locked, request.orderId(), request.actor(), now),
                    now.plus(request.hold() == null ? config.lifetime() : request.hold()), request.actor(), now);
            reservations.add(reservation);
            events.reserved(reservation);
            changed.addAll(request.units().keySet());
        } else {
            reservation = Reservation.rejected(request.orderId(), shortages((Allocator.Short) allocation),
                    request.actor(), now);
            reservations.add(reservation);
            events.rejected(reservation);
        }
        return reservation;
    }

    /**
     * An order to commit: who asks, and the context of the request or event it came with (null when it runs on the
     * request's own thread).
     */
    public record Confirmation(UUID orderId, String actor, CarriedContext context) {

        <T> T onBehalf(Supplier<T> work) {
            return inContext(context, work);
        }
    }

    /**
     * Takes the order's reserved stock off the shelf. An expired reservation is held again first if the stock is
     * still there; if not, the commit fails and {@code stock-commit-failed} says which lines are short.
     * Empty when the order has no reservation.
     */
    public Optional<Commit> commit(UUID orderId, String actor) {
        return commitAll(List.of(new Confirmation(orderId, actor, null))).get(0);
    }

    /**
     * The saga's confirmation of orders (those of a poll together): commits each order's reservation, and when
     * there is nothing to commit (no reservation, or one released or rejected) announces {@code stock-commit-failed},
     * so each order always gets an answer. An expired reservation whose stock is gone has announced it in
     * {@link #commitAll} already.
     */
    public void commitConfirmedOrders(List<Confirmation> confirmations) {
        List<Optional<Commit>> commits = commitAll(confirmations);
        for (int i = 0; i < confirmations.size(); i++) {
            UUID orderId = confirmations.get(i).orderId();
            Optional<Commit> commit = commits.get(i);
            confirmations.get(i).onBehalf(() -> {
                commit.ifPresentOrElse(done -> {
                    if (done.result() == CommitResult.NOT_ACTIVE) {
                        events.commitFailed(orderId, done.reservation().id(), done.reservation().shortages());
                    }
                }, () -> events.commitFailed(orderId, null, List.of()));
                return null;
            });
        }
    }

    /**
     * Commits several orders in one transaction, each as if alone, in the given order: one lock of the orders and of
     * all their stock items, one announcement of each changed SKU's level at the end. The outcomes are in the
     * confirmations' order (empty: the order has no reservation).
     */
    private List<Optional<Commit>> commitAll(List<Confirmation> confirmations) {
        List<UUID> orderIds = confirmations.stream().map(Confirmation::orderId).toList();
        reservations.lockOrders(orderIds);
        Map<UUID, Reservation> found = new HashMap<>();
        for (UUID orderId : new TreeSet<>(orderIds)) {
            reservations.lockByOrder(orderId).ifPresent(reservation -> found.put(orderId, reservation));
        }
        Set<String> skus = new TreeSet<>();
        found.values().stream().filter(reservation -> reservation.status() == Reservation.Status.ACTIVE
                        || reservation.status() == Reservation.Status.EXPIRED)
                .forEach(reservation -> skus.addAll(reservation.requestedUnits().keySet()));
        LockedStock locked = skus.isEmpty() ? null : lock(skus);
        Set<String> changed = new TreeSet<>();
        List<Optional<Commit>> commits = new ArrayList<>(confirmations.size());
        for (Confirmation confirmation : confirmations) {
            Reservation reservation = found.get(confirmation.orderId());
            commits.add(reservation == null ? Optional.empty() : Optional.of(confirmation.onBehalf(() ->
                    commitLocked(reservation, locked, changed, confirmation.actor()))));
        }
        if (!changed.isEmpty()) {
            locked.finish(changed, levels);
        }
        return commits;
    }

    /** Commits a locked reservation on the locked stock, noting the SKUs whose levels changed. */
    private Commit commitLocked(Reservation reservation, LockedStock locked, Set<String> changed, String actor) {
        return switch (reservation.status()) {
            case COMMITTED -> new Commit(reservation, CommitResult.COMMITTED);
            case COMMIT_FAILED -> new Commit(reservation, CommitResult.FAILED);
            case RELEASED, REJECTED -> new Commit(reservation, CommitResult.NOT_ACTIVE);
            case ACTIVE -> commitHeld(reservation, locked, changed, actor);
            case EXPIRED -> holdAgainAndCommit(reservation, locked, changed, actor);
        };
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
            LockedStock locked = lock(reservation.requestedUnits().keySet());
            for (ReservationLine line : reservation.lines()) {
                StockItem item = locked.item(line.sku(), line.warehouseId(), now);
                if (committed) {
                    item.changeOnHand(line.quantity(), now);
                    locked.move(item, StockMovement.Type.RELEASE, line.quantity(), 0, orderId, actor, now);
                } else {
                    item.release(line.quantity(), now);
                    locked.move(item, StockMovement.Type.RELEASE, 0, -line.quantity(), orderId, actor, now);
                }
            }
            reservation.released(now);
            events.released(reservation);
            locked.finish(reservation.requestedUnits().keySet(), levels);
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
        LockedStock locked = lock(reservation.requestedUnits().keySet());
        for (ReservationLine line : reservation.lines()) {
            StockItem item = locked.item(line.sku(), line.warehouseId(), now);
            item.release(line.quantity(), now);
            locked.move(item, StockMovement.Type.EXPIRY, 0, -line.quantity(), reservation.orderId(), "reservation-expiry", now);
        }
        reservation.expired(now);
        events.expired(reservation);
        locked.finish(reservation.requestedUnits().keySet(), levels);
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
        Map<String, UUID> shippedFrom = new TreeMap<>();
        reservations.byOrder(orderId).ifPresent(reservation ->
                reservation.lines().forEach(line -> shippedFrom.putIfAbsent(line.sku(), line.warehouseId())));
        LockedStock locked = lock(units.keySet());
        for (Map.Entry<String, Integer> line : new TreeMap<>(units).entrySet()) {
            String sku = line.getKey();
            UUID warehouseId = Optional.ofNullable(shippedFrom.get(sku))
                    .or(() -> locked.activeWarehouses().stream().map(Warehouse::id)
                            .filter(id -> locked.stocks(sku, id)).findFirst())
                    .or(() -> locked.activeWarehouses().stream().map(Warehouse::id).findFirst())
                    .orElseThrow(() -> new IllegalStateException("no active warehouse to restock return " + returnId + " into"));
            StockItem item = locked.item(sku, warehouseId, now);
            item.changeOnHand(line.getValue(), now);
            locked.move(item, StockMovement.Type.RETURN, line.getValue(), 0, returnId, actor, now);
        }
        locked.finish(units.keySet(), levels);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Reservation> byOrder(UUID orderId) {
        return reservations.byOrder(orderId);
    }

    private Commit commitHeld(Reservation reservation, LockedStock locked, Set<String> changed, String actor) {
        Instant now = Instant.now(clock);
        for (ReservationLine line : reservation.lines()) {
            StockItem item = locked.item(line.sku(), line.warehouseId(), now);
            item.commit(line.quantity(), locked.backorderable(line.sku()), now);
            locked.move(item, StockMovement.Type.COMMIT, -line.quantity(), -line.quantity(), reservation.orderId(), actor, now);
        }
        reservation.committed(now);
        events.committed(reservation);
        changed.addAll(reservation.requestedUnits().keySet());
        return new Commit(reservation, CommitResult.COMMITTED);
    }

    private Commit holdAgainAndCommit(Reservation reservation, LockedStock locked, Set<String> changed, String actor) {
        Instant now = Instant.now(clock);
        Allocator.Result allocation = locked.allocate(reservation.requestedUnits());
        if (allocation instanceof Allocator.Placed placed) {
            reservation.heldAgain(hold(placed, locked, reservation.orderId(), actor, now), now.plus(config.lifetime()), now);
            return commitHeld(reservation, locked, changed, actor);
        }
        reservation.commitFailed(shortages((Allocator.Short) allocation), now);
        events.commitFailed(reservation.orderId(), reservation.id(), reservation.shortages());
        return new Commit(reservation, CommitResult.FAILED);
    }

    private LockedStock lock(Collection<String> skus) {
        return LockedStock.of(skus, stock, warehouses.active());
    }

    /** Reserves each placed slot on its locked stock item and writes the ledger; returns the reservation lines. */
    private List<ReservationLine> hold(Allocator.Placed placed, LockedStock locked, UUID orderId, String actor, Instant now) {
        List<ReservationLine> lines = new ArrayList<>();
        for (Allocator.Slot slot : placed.slots()) {
            StockItem item = locked.item(slot.sku(), slot.warehouseId(), now);
            item.reserve(slot.quantity(), locked.backorderable(slot.sku()), now);
            locked.move(item, StockMovement.Type.RESERVATION, 0, slot.quantity(), orderId, actor, now);
            lines.add(new ReservationLine(slot.sku(), slot.warehouseId(), slot.quantity()));
        }
        return lines;
    }


    /** Runs work as part of the request or event it came with; on this thread's own context when there is none. */
    private static <T> T inContext(CarriedContext context, Supplier<T> work) {
        return context == null ? work.get() : context.run(work);
    }

    private static List<ReservationShortage> shortages(Allocator.Short shortOf) {
        return shortOf.shortages().stream()
                .map(s -> new ReservationShortage(s.sku(), s.requested(), Math.max(0, s.available()))).toList();
    }
}
