package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.Customer;
import dev.commerce.customer.domain.CustomerGroup;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CustomerGroupRepository implements PanacheRepositoryBase<CustomerGroup, String> {

    private final EntityManager entityManager;

    public CustomerGroupRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<CustomerGroup> all() {
        return list("ORDER BY code");
    }

    public Optional<CustomerGroup> lock(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Which of {@code codes} name no group. */
    public List<String> unknown(Collection<String> codes) {
        List<String> known = entityManager.createQuery("SELECT g.code FROM CustomerGroup g WHERE g.code IN :codes", String.class)
                .setParameter("codes", codes).getResultList();
        return codes.stream().filter(code -> !known.contains(code)).sorted().toList();
    }

    /** The members of a group, locked (their groups change next). */
    public List<Customer> lockMembers(String code) {
        return entityManager.createQuery("SELECT c FROM Customer c WHERE :code MEMBER OF c.groups ORDER BY c.id", Customer.class)
                .setParameter("code", code).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
