package dev.commerce.order.application;

import dev.commerce.order.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * Guests become customers: once a customer proves an e-mail address (customer-service says so on customer.v1), the
 * orders guests placed with that address become the customer's, listed with their other orders. The order token a
 * guest was given keeps working for those orders.
 */
@ApplicationScoped
public class GuestOrderClaims {

    private static final Logger LOG = Logger.getLogger(GuestOrderClaims.class);

    private final OrderRepository orders;

    public GuestOrderClaims(OrderRepository orders) {
        this.orders = orders;
    }

    /** Idempotent: a repeated announcement finds no guest orders left for the address. */
    @Transactional
    public int verifiedEmail(String customerId, String email) {
        int claimed = orders.assignGuestOrders(email.trim().toLowerCase(Locale.ROOT), customerId);
        if (claimed > 0) {
            LOG.infof("%d guest order(s) of a verified address now belong to customer %s", claimed, customerId);
        }
        return claimed;
    }
}
