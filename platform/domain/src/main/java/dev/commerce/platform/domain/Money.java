package dev.commerce.platform.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * Money in its JSON form, the same in every API and event: {@code {"amount": "12.34", "currency": "EUR"}}, a
 * decimal string with exactly the currency's minor digits (none for JPY) and an ISO 4217 code. Never a float.
 */
public record Money(String amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** {@code amount} written with the currency's minor digits; refuses an amount with more. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(format(amount, currency), currency);
    }

    /** The decimal string of {@code amount} with exactly the currency's minor digits. */
    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * Reads {@code text} as an amount of {@code currency}: a decimal string with at most the currency's minor
     * digits. {@code field} names it in the refusal ({@link RuleViolation.Kind#INVALID}).
     */
    public static BigDecimal parse(String field, String text, String currency) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw invalid(field, "must be a decimal string such as \"12.34\"");
        }
        if (amount.stripTrailingZeros().scale() > minorDigits(currency)) {
            throw invalid(field, "has more decimals than " + currency + " allows");
        }
        return amount;
    }

    /** This amount as a number, checked as {@link #parse} checks it. */
    public BigDecimal value(String field) {
        return parse(field, amount, currency);
    }

    /** Digits after the point in the currency (2 for EUR, 0 for JPY, 3 for KWD). */
    public static int minorDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static RuleViolation invalid(String field, String message) {
        return new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", field, message);
    }
}
