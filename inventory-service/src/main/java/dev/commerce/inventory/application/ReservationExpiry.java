package dev.commerce.inventory.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The background job that releases the stock of reservations past their expiry. Each reservation is expired in
 * its own transaction on a locked row, skipping rows another instance holds: exactly once across instances.
 */
@ApplicationScoped
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);

    private final Reservations reservations;
    private final ReservationConfig config;

    public ReservationExpiry(Reservations reservations, ReservationConfig config) {
        this.reservations = reservations;
        this.config = config;
    }

    @Scheduled(every = "${commerce.inventory.reservations.expiry-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        int expired = 0;
        try {
            while (expired < config.expiryBatch() && reservations.expireNextDue()) {
                expired++;
            }
        } catch (RuntimeException e) {
            // the row's transaction rolled back; the reservation stays due and the next run tries again
            LOG.warnf(e, "Expiring reservations stopped after %d", expired);
        }
        if (expired > 0) {
            LOG.infof("Expired %d reservation(s)", expired);
        }
    }
}
