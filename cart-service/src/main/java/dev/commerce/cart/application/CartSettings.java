package dev.commerce.cart.application;

import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.ShippingMethod;
import dev.commerce.cart.domain.ShippingZone;
import dev.commerce.cart.domain.TaxRate;
import dev.commerce.cart.domain.TaxSetting;
import dev.commerce.cart.domain.pricing.TaxRule;
import dev.commerce.cart.persistence.PromotionRepository;
import dev.commerce.cart.persistence.ShippingRepository;
import dev.commerce.cart.persistence.TaxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The merchant's settings every cart is priced with (tax rates and settings, shipping zones and methods, automatic
 * promotions), read once per {@code commerce.cart.settings-ttl} (5 s) instead of on every cart read: a change an
 * admin makes shows on this instance at once and on the others within the TTL.
 */
@ApplicationScoped
public class CartSettings {

    /** One consistent reading of the settings. */
    public record Snapshot(Map<String, Map<String, TaxRule>> taxRulesByCountry, Map<String, Boolean> pricesIncludeTax,
                           List<ShippingZone> zones, List<ShippingMethod> methods, List<Promotion> automaticPromotions,
                           Instant readAt) {

        public Map<String, TaxRule> taxRules(String country) {
            return taxRulesByCountry.getOrDefault(country, Map.of());
        }

        /** Active methods of the zones that cover {@code country}. */
        public List<ShippingMethod> methodsTo(String country) {
            java.util.Set<java.util.UUID> zoneIds = zones.stream().filter(zone -> zone.covers(country)).map(ShippingZone::id)
                    .collect(Collectors.toSet());
            return methods.stream().filter(method -> method.active() && zoneIds.contains(method.zoneId())).toList();
        }
    }

    private final TaxRepository taxes;
    private final ShippingRepository shipping;
    private final PromotionRepository promotions;
    private final CartConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot current;

    public CartSettings(TaxRepository taxes, ShippingRepository shipping, PromotionRepository promotions, CartConfig config,
                        Clock clock, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.taxes = taxes;
        this.shipping = shipping;
        this.promotions = promotions;
        this.config = config;
        this.clock = clock;
    }

    public Snapshot current() {
        Snapshot snapshot = current;
        Instant now = Instant.now(clock);
        if (snapshot == null || !now.isBefore(snapshot.readAt().plus(config.settingsTtl()))) {
            long generationRead = generation.get();
            snapshot = read(now);
            // a reading that began before an admin's change committed is used once, never kept
            synchronized (this) {
                if (generation.get() == generationRead) {
                    current = snapshot;
                }
            }
        }
        return snapshot;
    }

    /**
     * An admin changes a setting in the current transaction: once it has committed, the next pricing on this
     * instance reads them again (invalidating before the commit could cache the old state for a whole TTL).
     */
    public void invalidateAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                synchronized (CartSettings.this) {
                    generation.incrementAndGet();
                    current = null;
                }
            }
        });
    }

    private Snapshot read(Instant now) {
        Map<String, Map<String, TaxRule>> rules = taxes.all().stream().collect(Collectors.groupingBy(TaxRate::country,
                Collectors.toMap(TaxRate::taxCategory, TaxRate::rule)));
        Map<String, Boolean> gross = taxes.settings().stream()
                .collect(Collectors.toMap(TaxSetting::currency, TaxSetting::pricesIncludeTax));
        return new Snapshot(rules, gross, shipping.zones(), shipping.methods(null), promotions.automaticActive(), now);
    }
}
