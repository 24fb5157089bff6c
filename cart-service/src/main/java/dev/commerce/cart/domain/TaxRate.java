package dev.commerce.cart.domain;

import dev.commerce.cart.domain.pricing.TaxRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** The tax a category pays when shipped to a country, in percent (19 for German VAT). */
@Entity
@Table(name = "tax_rate")
public class TaxRate {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    private UUID id;
    private String country;
    @Column(name = "tax_category")
    private String taxCategory;
    private String name;
    @Column(name = "rate_percent")
    private BigDecimal ratePercent;
    @Version
    private long version;

    protected TaxRate() {
        // for Hibernate
    }

    public TaxRate(String country, String taxCategory, String name, BigDecimal ratePercent) {
        this.id = UUID.randomUUID();
        this.country = requireCountry(country);
        this.taxCategory = requireCategory(taxCategory);
        change(name, ratePercent);
    }

    public void change(String name, BigDecimal ratePercent) {
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(BigDecimal.valueOf(100)) > 0
                || ratePercent.stripTrailingZeros().scale() > 4) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "ratePercent",
                    "must be between 0 and 100 with at most 4 decimals");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "name",
                    "must be 1 to 100 characters");
        }
        this.name = name;
        this.ratePercent = ratePercent;
    }

    /** The rule the pricer applies (the rate as a fraction). */
    public TaxRule rule() {
        return new TaxRule(name, ratePercent.divide(BigDecimal.valueOf(100), 6, RoundingMode.UNNECESSARY).stripTrailingZeros());
    }

    public static String requireCountry(String country) {
        if (country == null || !COUNTRIES.contains(country)) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "country",
                    "must be an ISO 3166-1 alpha-2 country code such as DE");
        }
        return country;
    }

    private static String requireCategory(String category) {
        if (category == null || !category.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "taxCategory",
                    "must be a lower-case tax category such as standard or reduced");
        }
        return category;
    }

    public UUID id() {
        return id;
    }

    public String country() {
        return country;
    }

    public String taxCategory() {
        return taxCategory;
    }

    public String name() {
        return name;
    }

    public BigDecimal ratePercent() {
        return ratePercent;
    }

    public long version() {
        return version;
    }
}
