package dev.commerce.payment.domain;

import dev.commerce.platform.domain.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money as decimal strings with an ISO 4217 currency: parsed exactly, written with the currency's minor digits. */
public final class Amounts {

    private Amounts() {
    }

    /** Parses a positive amount with at most the currency's minor digits; refuses anything else as a 400. */
    public static BigDecimal parse(String field, String text, String currency) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw invalid(field, "must be a decimal string such as \"12.34\"");
        }
        if (amount.signum() <= 0) {
            throw invalid(field, "must be positive");
        }
        if (amount.stripTrailingZeros().scale() > minorDigits(currency)) {
            throw invalid(field, "has more decimals than " + currency + " allows");
        }
        return amount;
    }

    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.UNNECESSARY).toPlainString();
    }

    private static int minorDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static RuleViolation invalid(String field, String message) {
        return new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", field, message);
    }
}
