package dev.commerce.customer.application;

import dev.commerce.customer.domain.CustomerAddress;
import dev.commerce.customer.domain.CustomerRuleViolation;
import dev.commerce.customer.persistence.AddressRepository;
import dev.commerce.customer.persistence.CustomerRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's address book, with at most one default shipping and one default billing address (the database
 * holds that too). The first address becomes both defaults; making another one a default takes it from the old one.
 */
@ApplicationScoped
@Transactional
public class AddressBook {

    /** Addresses one customer may keep. */
    public static final int MAX_ADDRESSES = 50;

    /** Which defaults an address should be; null leaves it as it is. */
    public record Defaults(Boolean shipping, Boolean billing) {
    }

    private final AddressRepository addresses;
    private final CustomerRepository customers;
    private final Clock clock;

    public AddressBook(AddressRepository addresses, CustomerRepository customers, Clock clock) {
        this.addresses = addresses;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerAddress> list(UUID customerId) {
        return addresses.ofCustomer(customerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerAddress get(UUID customerId, UUID addressId) {
        return addresses.ofCustomer(customerId, addressId).orElseThrow(() -> ProblemException.notFound("address", addressId));
    }

    public CustomerAddress add(UUID customerId, CustomerAddress.Fields fields, Defaults defaults) {
        // the customer's row lock serialises changes of one address book (the limit, the defaults)
        customers.lock(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        List<CustomerAddress> existing = addresses.ofCustomer(customerId);
        if (existing.size() >= MAX_ADDRESSES) {
            throw new CustomerRuleViolation(CustomerRuleViolation.Kind.CONFLICT, "address-book-full",
                    "an address book holds at most " + MAX_ADDRESSES + " addresses");
        }
        CustomerAddress address = new CustomerAddress(customerId, fields, Instant.now(clock));
        boolean first = existing.isEmpty();
        applyDefaults(existing, address, new Defaults(first || Boolean.TRUE.equals(defaults.shipping()),
                first || Boolean.TRUE.equals(defaults.billing())));
        addresses.persist(address);
        return address;
    }

    /** Replaces the address's fields; the defaults change where {@code defaults} says. */
    public CustomerAddress replace(UUID customerId, UUID addressId, CustomerAddress.Fields fields, Defaults defaults) {
        customers.lock(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        CustomerAddress address = get(customerId, addressId);
        address.change(fields);
        applyDefaults(addresses.ofCustomer(customerId), address, defaults);
        return address;
    }

    public void remove(UUID customerId, UUID addressId) {
        customers.lock(customerId).orElseThrow(() -> ProblemException.notFound("customer", customerId));
        addresses.delete(get(customerId, addressId));
    }

    /** Takes a default from the other addresses (written first) before giving it to {@code address}. */
    private void applyDefaults(List<CustomerAddress> book, CustomerAddress address, Defaults defaults) {
        boolean movedAway = false;
        for (CustomerAddress other : book) {
            if (other.id().equals(address.id())) {
                continue;
            }
            if (Boolean.TRUE.equals(defaults.shipping()) && other.defaultShipping()) {
                other.markDefaultShipping(false);
                movedAway = true;
            }
            if (Boolean.TRUE.equals(defaults.billing()) && other.defaultBilling()) {
                other.markDefaultBilling(false);
                movedAway = true;
            }
        }
        if (movedAway) {
            addresses.flush();
        }
        if (defaults.shipping() != null) {
            address.markDefaultShipping(defaults.shipping());
        }
        if (defaults.billing() != null) {
            address.markDefaultBilling(defaults.billing());
        }
    }
}
