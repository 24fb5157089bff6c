package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.TaxRate;
import dev.commerce.cart.domain.TaxSetting;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tax rates by country and category, and the per-currency tax settings. */
@ApplicationScoped
public class TaxRepository implements PanacheRepositoryBase<TaxRate, UUID> {

    public List<TaxRate> ofCountry(String country) {
        return list("country = ?1 ORDER BY taxCategory", country);
    }

    public List<TaxRate> all() {
        return list("ORDER BY country, taxCategory");
    }

    public Optional<TaxRate> rateFor(String country, String taxCategory) {
        return find("country = ?1 AND taxCategory = ?2", country, taxCategory).firstResultOptional();
    }

    public Optional<TaxSetting> settingOf(String currency) {
        return Optional.ofNullable(getEntityManager().find(TaxSetting.class, currency));
    }

    public List<TaxSetting> settings() {
        return getEntityManager().createQuery("SELECT s FROM TaxSetting s", TaxSetting.class).getResultList();
    }

    public void save(TaxSetting setting) {
        getEntityManager().persist(setting);
    }
}
