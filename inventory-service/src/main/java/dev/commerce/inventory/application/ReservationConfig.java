package dev.commerce.inventory.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code commerce.inventory.reservations.*}: how long stock is held, and how the expiry job works. */
@ConfigMapping(prefix = "commerce.inventory.reservations")
public interface ReservationConfig {

    /** How long a reservation holds stock; longer than the payment timeout of the checkout saga. */
    @WithDefault("PT15M")
    Duration lifetime();

    /** How often the expiry job looks for due reservations (read by its {@code @Scheduled}). */
    @WithDefault("5s")
    Duration expiryInterval();

    /** Reservations one run of the expiry job expires at most (each in its own transaction). */
    @WithDefault("500")
    int expiryBatch();

    /** How API reservations are grouped into transactions ({@link ReservationBatches}). */
    Batch batch();

    interface Batch {

        /** Threads that each reserve one batch at a time. */
        @WithDefault("2")
        int writers();

        /** Requests one transaction reserves at most. */
        @WithDefault("64")
        int maxSize();
    }
}
