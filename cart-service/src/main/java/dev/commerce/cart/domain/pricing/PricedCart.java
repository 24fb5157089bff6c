package dev.commerce.cart.domain.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A cart with every amount worked out, each at the currency's minor unit. Totals are sums of the rounded line
 * amounts, so the lines always add up to the totals.
 */
public record PricedCart(String currency, boolean pricesIncludeTax, String taxCountry, List<Line> lines,
                         BigDecimal shipping, BigDecimal shippingDiscount, BigDecimal shippingTax,
                         List<TaxAmount> taxBreakdown, Totals totals) {

    /**
     * One line: {@code lineTotal} is unit price times quantity; {@code discount} what promotions take off it (its
     * own discounts and its share of the order's); {@code total} what the shopper pays for it (tax included when
     * prices are gross, excluded when net); {@code tax} the tax in it (gross) or on it (net).
     */
    public record Line(UUID lineId, BigDecimal lineTotal, BigDecimal discount, BigDecimal total, TaxRule taxRule,
                       BigDecimal tax) {
    }

    /** Tax of one rule over the cart: the amount it was computed on and the tax. */
    public record TaxAmount(String name, BigDecimal rate, BigDecimal taxable, BigDecimal tax) {

        /** The rate in percent, as {@link TaxRule#ratePercent()}. */
        public String ratePercent() {
            return new TaxRule(name, rate).ratePercent();
        }
    }

    public record Totals(BigDecimal subtotal, BigDecimal discount, BigDecimal shipping, BigDecimal tax,
                         BigDecimal grandTotal) {
    }

    public Line line(UUID lineId) {
        return lines.stream().filter(line -> line.lineId().equals(lineId)).findFirst().orElse(null);
    }
}
