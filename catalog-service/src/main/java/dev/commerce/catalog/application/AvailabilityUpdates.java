package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.persistence.AvailabilityRepository;
import dev.commerce.platform.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps the catalog's availability read model: one row per SKU with what inventory last said. A level older than
 * the one applied (by its per-SKU sequence) is ignored, so a replay or a late delivery never shows shoppers an
 * outdated status. Storefront reads never call inventory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AvailabilityUpdates {

    /** The inbox consumer whose per-SKU positions guard this read model. */
    public static final String CONSUMER = "catalog-service.stock-levels";

    private final Inbox inbox;
    private final AvailabilityRepository availability;
    private final Clock clock;

    public AvailabilityUpdates(Inbox inbox, AvailabilityRepository availability, Clock clock) {
        this.inbox = inbox;
        this.availability = availability;
        this.clock = clock;
    }

    /** Applies inventory's level of {@code sku}; false when it is older than what the read model holds. */
    public boolean levelChanged(String sku, long sequence, long available, String status, LocalDate expectedRestockDate) {
        if (!inbox.advance(CONSUMER, sku, sequence)) {
            return false;
        }
        availability.save(new Availability(sku, Math.max(0, available),
                status == null ? "OUT_OF_STOCK" : status, expectedRestockDate), Instant.now(clock));
        return true;
    }
}
