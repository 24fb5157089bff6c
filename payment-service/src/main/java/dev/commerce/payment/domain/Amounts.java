package dev.commerce.payment.domain;

import dev.commerce.platform.domain.Money;
import dev.commerce.platform.domain.RuleViolation;

import java.math.BigDecimal;

/** Money as decimal strings with an ISO 4217 currency: parsed exactly, written with the currency's minor digits. */
public final class Amounts {

    private Amounts() {
    }

    /** Parses a positive amount with at most the currency's minor digits; refuses anything else as a 400. */
    public static BigDecimal parse(String field, String text, String currency) {
        BigDecimal amount = Money.parse(field, text, currency);
        if (amount.signum() <= 0) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", field, "must be positive");
        }
        return amount;
    }

    /** Parses an amount of zero or more (what an event may ask to capture or refund: a shipment of free units). */
    public static BigDecimal parseNonNegative(String field, String text, String currency) {
        BigDecimal amount = Money.parse(field, text, currency);
        if (amount.signum() < 0) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", field, "must not be negative");
        }
        return amount;
    }

    public static String format(BigDecimal amount, String currency) {
        return Money.format(amount, currency);
    }
}
