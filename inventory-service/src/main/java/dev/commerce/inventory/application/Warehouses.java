package dev.commerce.inventory.application;

import dev.commerce.inventory.domain.Warehouse;
import dev.commerce.inventory.persistence.WarehouseRepository;
import dev.commerce.platform.web.paging.Cursor;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;

/** Use cases on warehouses; each method is one transaction. */
@ApplicationScoped
@Transactional
public class Warehouses {

    private static final Logger LOG = Logger.getLogger(Warehouses.class);

    private final WarehouseRepository warehouses;
    private final StockLevels stockLevels;
    private final Clock clock;

    public Warehouses(WarehouseRepository warehouses, StockLevels stockLevels, Clock clock) {
        this.clock = clock;
        this.warehouses = warehouses;
        this.stockLevels = stockLevels;
    }

    /** The editable fields of a warehouse. */
    public record Details(String name, String country, int priority, boolean active) {
    }

    public Warehouse create(String code, Details details) {
        if (warehouses.codeTaken(code)) {
            throw ProblemException.conflict("duplicate-warehouse-code", "a warehouse with code '" + code + "' exists");
        }
        Warehouse warehouse = new Warehouse(code, details.name(), details.country(), details.priority(), details.active(),
                Instant.now(clock));
        warehouses.persistAndFlush(warehouse);
        LOG.infof("Created warehouse %s (%s)", warehouse.id(), code);
        return warehouse;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Warehouse get(UUID id) {
        return warehouses.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("warehouse", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Warehouse> list(PageParams page) {
        String after = page.cursor == null ? null : Cursor.decode(page.cursor, 1).value(0);
        return Page.fromLookahead(warehouses.pageByCode(after, page.limit + 1), page.limit,
                warehouse -> Cursor.after(warehouse.code()));
    }

    /** Changes a warehouse; {@code checkVersion} refuses a stale If-Match before anything changes. */
    public Warehouse change(UUID id, Details details, LongConsumer checkVersion) {
        Warehouse warehouse = get(id);
        checkVersion.accept(warehouse.version());
        boolean activationChanges = warehouse.active() != details.active();
        warehouse.change(details.name(), details.country(), details.priority(), details.active(), Instant.now(clock));
        warehouses.flush();
        if (activationChanges) {
            stockLevels.announceWarehouse(id); // its stock joins or leaves every SKU's totals
        }
        return warehouse;
    }
}
