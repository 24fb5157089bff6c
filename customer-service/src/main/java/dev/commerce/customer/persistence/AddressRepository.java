package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.CustomerAddress;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AddressRepository implements PanacheRepositoryBase<CustomerAddress, UUID> {

    /** A customer's addresses, oldest first. */
    public List<CustomerAddress> ofCustomer(UUID customerId) {
        return list("customerId = ?1 ORDER BY createdAt, id", customerId);
    }

    public Optional<CustomerAddress> ofCustomer(UUID customerId, UUID addressId) {
        return find("id = ?1 AND customerId = ?2", addressId, customerId).firstResultOptional();
    }

    public long countOfCustomer(UUID customerId) {
        return count("customerId", customerId);
    }
}
