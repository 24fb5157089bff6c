package dev.commerce.cart.application;

import dev.commerce.cart.persistence.CustomerOrderCounts;
import dev.commerce.cart.persistence.CustomerProfiles;
import dev.commerce.platform.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What promotions know of a buyer: confirmed orders (counted from {@code order-confirmed}, and as customer-service
 * counts them) for first-order and loyalty promotions, and customer groups (from {@code customer-upserted}) for group
 * promotions. The inbox applies each event once; a guest's order (no customer id) counts for nobody; a profile older
 * than the applied one is ignored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHistory {

    public static final String PROFILES_CONSUMER = "cart-service.customers";

    private final CustomerOrderCounts counts;
    private final CustomerProfiles profiles;
    private final Inbox inbox;
    private final java.time.Clock clock;

    public OrderHistory(CustomerOrderCounts counts, CustomerProfiles profiles, Inbox inbox, java.time.Clock clock) {
        this.counts = counts;
        this.profiles = profiles;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** customer-service's state of a customer; returns false for one older than what was applied. */
    public boolean profileChanged(String customerId, long sequence, java.util.List<String> groups, int confirmedOrders) {
        if (!inbox.advance(PROFILES_CONSUMER, customerId, sequence)) {
            return false;
        }
        profiles.put(customerId, groups, confirmedOrders, java.time.Instant.now(clock));
        return true;
    }

    public void orderConfirmed(String customerId) {
        if (customerId != null && !customerId.isBlank()) {
            counts.increment(customerId);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int confirmedOrders(String customerId) {
        return customerId == null ? 0 : counts.confirmedOrders(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<String> groups(String customerId) {
        return customerId == null ? java.util.Set.of() : profiles.groupsOf(customerId);
    }
}
