package dev.commerce.customer.application;

import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.CustomerGroup;
import dev.commerce.customer.domain.CustomerRuleViolation;
import dev.commerce.customer.messaging.CustomerEvents;
import dev.commerce.customer.persistence.CustomerGroupRepository;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Customer groups and who is in them. Every change of a customer's groups (assignment, a group deleted) is
 * announced as that customer's {@code customer-upserted}, so read models (cart-service's promotions) follow.
 */
@ApplicationScoped
@Transactional
public class CustomerGroups {

    private static final Logger LOG = Logger.getLogger(CustomerGroups.class);

    private final CustomerGroupRepository groups;
    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerGroups(CustomerGroupRepository groups, CustomerRepository customers, CustomerEvents events, Clock clock) {
        this.groups = groups;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    public CustomerGroup create(String code, String name, String description) {
        CustomerGroup.requireCode(code);
        if (groups.findByIdOptional(code).isPresent()) {
            throw ProblemException.conflict("customer-group-exists", "a customer group " + code + " exists");
        }
        CustomerGroup group = new CustomerGroup(code, name, description, Instant.now(clock));
        groups.persistAndFlush(group);
        return group;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerGroup> list() {
        return groups.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerGroup get(String code) {
        return groups.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("customer group", code));
    }

    /** {@code versionCheck} sees the current version first (If-Match, required for merchant-managed resources). */
    public CustomerGroup describe(String code, LongConsumer versionCheck, String name, String description) {
        CustomerGroup group = groups.lock(code).orElseThrow(() -> ProblemException.notFound("customer group", code));
        versionCheck.accept(group.version());
        group.describe(name, description, Instant.now(clock));
        groups.flush();
        return group;
    }

    /** Deletes a group; its members leave it (each announced). */
    public void delete(String code, LongConsumer versionCheck) {
        CustomerGroup group = groups.lock(code).orElseThrow(() -> ProblemException.notFound("customer group", code));
        versionCheck.accept(group.version());
        Instant now = Instant.now(clock);
        List<Customer> members = groups.lockMembers(code);
        members.forEach(member -> member.leaveGroup(code, now));
        customers.flush();
        members.forEach(events::upserted);
        groups.delete(group);
        LOG.infof("Customer group %s deleted; %d members left it", code, members.size());
    }

    /** Puts the customer in exactly {@code codes} (422 {@code unknown-customer-group} for a code that names none). */
    public Customer assign(UUID customerId, List<String> codes) {
        TreeSet<String> wanted = new TreeSet<>(codes);
        List<String> unknown = wanted.isEmpty() ? List.of() : groups.unknown(wanted);
        if (!unknown.isEmpty()) {
            throw new CustomerRuleViolation(CustomerRuleViolation.Kind.UNPROCESSABLE, "unknown-customer-group",
                    "no customer group " + String.join(", ", unknown)).with("unknownGroups", unknown);
        }
        Customer customer = customers.lock(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        if (!customer.groups().equals(List.copyOf(wanted))) {
            customer.assignGroups(wanted, Instant.now(clock));
            customers.flush();
            events.upserted(customer);
        }
        return customer;
    }
}
