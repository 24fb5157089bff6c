package dev.commerce.customer.persistence;

import dev.commerce.customer.domain.OneTimeToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class OneTimeTokenRepository implements PanacheRepositoryBase<OneTimeToken, String> {

    /** Earlier unused tokens of this purpose lose their use when a new one is sent: only the newest link works. */
    public void retireUnused(UUID customerId, OneTimeToken.Purpose purpose, java.time.Instant now) {
        update("usedAt = ?1 WHERE customerId = ?2 AND purpose = ?3 AND usedAt IS NULL", now, customerId, purpose);
    }
}
