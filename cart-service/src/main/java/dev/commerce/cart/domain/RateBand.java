package dev.commerce.cart.domain;

import java.math.BigDecimal;

/**
 * One band of a shipping rate in one currency: carts whose measure (weight in grams, or goods value) is at least
 * {@code from} and below {@code upTo} (no upper end when null) pay {@code price}.
 */
public record RateBand(String currency, BigDecimal from, BigDecimal upTo, BigDecimal price) {

    public boolean covers(String cartCurrency, BigDecimal measure) {
        return currency.equals(cartCurrency) && measure.compareTo(from) >= 0 && (upTo == null || measure.compareTo(upTo) < 0);
    }
}
