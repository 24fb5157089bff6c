package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.Customer;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> findByEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResultOptional();
    }

    /** The customer, its row locked until the transaction ends (two changes of one account in a row, not at once). */
    public Optional<Customer> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Customers oldest first, after {@code after} when given; {@code text} (optional) matches part of the e-mail
     * address or the name, {@code status} (optional) the status.
     */
    public List<Customer> search(String text, Customer.Status status, TimeAndIdPosition after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (text != null && !text.isBlank()) {
            where.append(" AND (email LIKE :text OR lower(name) LIKE :text)");
            parameters.and("text", "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (status != null) {
            where.append(" AND status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            where.append(" AND (createdAt > :at OR (createdAt = :at AND id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " ORDER BY createdAt, id", parameters).page(0, limit).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
