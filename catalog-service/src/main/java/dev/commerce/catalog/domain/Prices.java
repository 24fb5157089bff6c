package dev.commerce.catalog.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money as the catalog shows it: a decimal string with exactly the currency's minor digits. */
public final class Prices {

    private Prices() {
    }

    public static String format(BigDecimal amount, String currency) {
        return amount.setScale(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }
}
