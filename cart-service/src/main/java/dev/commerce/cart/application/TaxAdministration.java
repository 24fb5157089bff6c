package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.TaxRate;
import dev.commerce.cart.domain.TaxSetting;
import dev.commerce.cart.persistence.TaxRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;

/** The merchant's tax set-up: rates per country and tax category, and per currency whether prices include tax. */
@ApplicationScoped
@Transactional
public class TaxAdministration {

    private final TaxRepository taxes;

    private final CartSettings settings;

    public TaxAdministration(TaxRepository taxes, CartSettings settings) {
        this.settings = settings;
        this.taxes = taxes;
    }

    public TaxRate create(String country, String taxCategory, String name, BigDecimal ratePercent) {
        settings.invalidateAfterCommit();
        TaxRate rate = new TaxRate(country, taxCategory, name, ratePercent);
        if (taxes.rateFor(rate.country(), rate.taxCategory()).isPresent()) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "tax-rate-exists", "Tax rate exists",
                    country + " already has a rate for " + taxCategory + ": change that one");
        }
        taxes.persistAndFlush(rate);
        return rate;
    }

    public TaxRate change(UUID id, LongConsumer precondition, String name, BigDecimal ratePercent) {
        settings.invalidateAfterCommit();
        TaxRate rate = find(id);
        precondition.accept(rate.version());
        rate.change(name, ratePercent);
        taxes.flush();
        return rate;
    }

    public void delete(UUID id, LongConsumer precondition) {
        settings.invalidateAfterCommit();
        TaxRate rate = find(id);
        precondition.accept(rate.version());
        taxes.delete(rate);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaxRate find(UUID id) {
        return taxes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("tax rate", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaxRate> list(String country) {
        return country == null ? taxes.all() : taxes.ofCountry(TaxRate.requireCountry(country));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaxSetting> setting(String currency) {
        return taxes.settingOf(currency);
    }

    /** Creates or changes the setting of a currency; {@code precondition} sees its version ({@code -1} when new). */
    public TaxSetting putSetting(String currency, LongConsumer precondition, long versionWhenNew, boolean pricesIncludeTax) {
        settings.invalidateAfterCommit();
        Optional<TaxSetting> existing = taxes.settingOf(currency);
        precondition.accept(existing.map(TaxSetting::version).orElse(versionWhenNew));
        TaxSetting setting = existing.orElseGet(() -> {
            TaxSetting created = new TaxSetting(currency, pricesIncludeTax);
            taxes.save(created);
            return created;
        });
        setting.change(pricesIncludeTax);
        taxes.flush();
        return setting;
    }
}
