package dev.commerce.customer.application;

import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Each customer's count of confirmed orders, from order-service's {@code order-confirmed}: kept here, on the
 * compacted customer.v1, so a read model can rebuild it whole (order.v1 keeps only its retention).
 */
@ApplicationScoped
public class OrderHistory {

    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final Clock clock;

    public OrderHistory(CustomerRepository customers, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** Counts a confirmed order of {@code subject}; an order of a subject without an account here is not counted. */
    @Transactional
    public void confirmed(String subject) {
        UUID id;
        try {
            id = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return;
        }
        customers.lock(id).ifPresent(customer -> {
            customer.countConfirmedOrder(Instant.now(clock));
            customers.flush();
            events.upserted(customer);
        });
    }
}
