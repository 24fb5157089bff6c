package dev.commerce.customer.application;

import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;

/** A customer's own profile (name, phone); each change is announced as {@code customer-upserted}. */
@ApplicationScoped
@Transactional
public class Profiles {

    /** What a profile change sets; null leaves a field as it is, an empty phone removes it. */
    public record Change(String name, String phone) {
    }

    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final Clock clock;

    public Profiles(CustomerRepository customers, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** The customer a token's subject names; 404 for a subject without an account (a token minted by hand). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(String subject) {
        return customers.findByIdOptional(customerId(subject)).orElseThrow(() -> ProblemException.notFound("customer", subject));
    }

    /** {@code versionCheck} sees the current version first (If-Match). */
    public Customer change(String subject, LongConsumer versionCheck, Change change) {
        UUID id = customerId(subject);
        Customer customer = customers.lock(id).orElseThrow(() -> ProblemException.notFound("customer", subject));
        versionCheck.accept(customer.version());
        Instant now = Instant.now(clock);
        if (change.name() != null) {
            customer.rename(change.name(), now);
        }
        if (change.phone() != null) {
            customer.changePhone(change.phone(), now);
        }
        customers.flush();
        events.upserted(customer);
        return customer;
    }

    /** The customer id a token's {@code sub} claim carries; a subject that is not one has no account here. */
    public static UUID customerId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("customer", subject);
        }
    }
}
