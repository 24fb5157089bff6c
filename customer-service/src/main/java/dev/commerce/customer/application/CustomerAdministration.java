package dev.commerce.customer.application;

import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.Session;
import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The back office's view of customers: search, view, block (every session ends) and unblock. */
@ApplicationScoped
@Transactional
public class CustomerAdministration {

    private static final Logger LOG = Logger.getLogger(CustomerAdministration.class);

    private final CustomerRepository customers;
    private final Sessions sessions;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerAdministration(CustomerRepository customers, Sessions sessions, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Customer> search(String text, Customer.Status status, PageParams page) {
        return Page.fromLookahead(customers.search(text, status, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, customer -> new TimeAndIdPosition(customer.createdAt(), customer.id()).cursor());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id) {
        return customers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }

    public Customer block(UUID id, String reason, String admin) {
        Instant now = Instant.now(clock);
        Customer customer = locked(id);
        if (!customer.blocked()) {
            customer.block(reason, now);
            sessions.endAll(id, null, Session.EndReason.BLOCKED, now);
            customers.flush();
            events.upserted(customer);
            LOG.infof("Customer %s blocked by %s: every session ended", id, admin);
        }
        return customer;
    }

    public Customer unblock(UUID id, String admin) {
        Customer customer = locked(id);
        if (customer.blocked()) {
            customer.unblock(Instant.now(clock));
            customers.flush();
            events.upserted(customer);
            LOG.infof("Customer %s unblocked by %s", id, admin);
        }
        return customer;
    }

    private Customer locked(UUID id) {
        return customers.lock(id).orElseThrow(() -> ProblemException.notFound("customer", id));
    }
}
