package dev.commerce.cart.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** The rate a tax category pays in a country: a name shoppers see ("VAT 19%") and a fraction (0.19). */
public record TaxRule(String name, BigDecimal rate) {

    /** What a category without a configured rate pays. */
    public static final TaxRule NONE = new TaxRule("No tax", BigDecimal.ZERO);

    /** The rate in percent as shoppers read it: "19", "8.1". */
    public String ratePercent() {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    public TaxRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rate, "rate");
    }
}
