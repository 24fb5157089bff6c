package dev.commerce.order.domain.fulfillment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The share of a line's amount that some of its units carry, allocated cumulatively: units {@code [from, from+count)}
 * of {@code quantity} carry {@code floor(amount*(from+count)/quantity) - floor(amount*from/quantity)} in minor units.
 * However a line is split across shipments or returns, its shares add up to its amount exactly: no cent is lost or
 * charged twice by rounding.
 */
public final class Proration {

    private Proration() {
    }

    public static BigDecimal share(BigDecimal amount, int quantity, int from, int count, int minorDigits) {
        if (quantity <= 0 || from < 0 || count < 0 || from + count > quantity) {
            throw new IllegalArgumentException("units [" + from + ", " + (from + count) + ") of " + quantity);
        }
        return upTo(amount, quantity, from + count, minorDigits).subtract(upTo(amount, quantity, from, minorDigits));
    }

    private static BigDecimal upTo(BigDecimal amount, int quantity, int units, int minorDigits) {
        if (units == quantity) {
            return amount.setScale(minorDigits, RoundingMode.HALF_EVEN);
        }
        return amount.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(quantity), minorDigits, RoundingMode.FLOOR);
    }
}
