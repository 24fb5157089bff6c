package dev.commerce.cart.domain.pricing;

import dev.commerce.platform.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Works out a cart's amounts. The order is fixed: line discounts, then the order discount prorated over the lines,
 * then the shipping discount, then tax per line (and on shipping) on what is left, rounded half-up to the
 * currency's minor unit line by line. Gross prices contain their tax ({@code tax = total * rate / (1 + rate)});
 * net prices get it added ({@code tax = total * rate}). Every total is the sum of rounded parts.
 */
public final class CartPricer {

    private CartPricer() {
    }

    public static PricedCart price(String currency, List<PricingLine> lines, Adjustments adjustments,
                                   BigDecimal shipping, String shippingTaxCategory, TaxTable taxes) {
        int scale = Money.minorDigits(currency);
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        List<PricingLine> payable = lines.stream().filter(PricingLine::payable).toList();

        List<BigDecimal> afterLineDiscounts = new ArrayList<>();
        for (PricingLine line : payable) {
            BigDecimal lineTotal = line.lineTotal().setScale(scale, RoundingMode.UNNECESSARY);
            afterLineDiscounts.add(lineTotal.subtract(adjustments.lineDiscount(line.lineId()).min(lineTotal)));
        }
        BigDecimal remaining = afterLineDiscounts.stream().reduce(zero, BigDecimal::add);
        BigDecimal orderDiscount = adjustments.orderDiscount().setScale(scale, RoundingMode.HALF_UP).min(remaining);
        List<BigDecimal> orderShares = Proration.allocate(orderDiscount, afterLineDiscounts, scale);

        List<PricedCart.Line> priced = new ArrayList<>();
        Map<TaxRule, BigDecimal[]> byRule = new LinkedHashMap<>();
        for (int i = 0; i < payable.size(); i++) {
            PricingLine line = payable.get(i);
            BigDecimal lineTotal = line.lineTotal().setScale(scale, RoundingMode.UNNECESSARY);
            BigDecimal total = afterLineDiscounts.get(i).subtract(orderShares.get(i));
            TaxRule rule = taxes.ruleFor(line.taxCategory());
            BigDecimal tax = taxOf(total, rule, taxes.pricesIncludeTax(), scale);
            priced.add(new PricedCart.Line(line.lineId(), lineTotal, lineTotal.subtract(total), total, rule, tax));
            add(byRule, rule, total, tax);
        }
        for (PricingLine line : lines) {
            if (!line.payable()) {
                priced.add(new PricedCart.Line(line.lineId(), zero, zero, zero, taxes.ruleFor(line.taxCategory()), zero));
            }
        }

        BigDecimal shippingAmount = shipping.setScale(scale, RoundingMode.UNNECESSARY);
        BigDecimal shippingDiscount = adjustments.shippingDiscount().setScale(scale, RoundingMode.HALF_UP).min(shippingAmount);
        BigDecimal shippingCharged = shippingAmount.subtract(shippingDiscount);
        TaxRule shippingRule = taxes.ruleFor(shippingTaxCategory);
        BigDecimal shippingTax = taxOf(shippingCharged, shippingRule, taxes.pricesIncludeTax(), scale);
        if (shippingCharged.signum() > 0) {
            add(byRule, shippingRule, shippingCharged, shippingTax);
        }

        BigDecimal subtotal = sum(priced, PricedCart.Line::lineTotal, zero);
        BigDecimal discount = sum(priced, PricedCart.Line::discount, zero).add(shippingDiscount);
        BigDecimal tax = sum(priced, PricedCart.Line::tax, zero).add(shippingTax);
        BigDecimal grandTotal = subtotal.subtract(discount).add(shippingAmount)
                .add(taxes.pricesIncludeTax() ? zero : tax);
        List<PricedCart.TaxAmount> breakdown = byRule.entrySet().stream()
                .filter(entry -> entry.getKey().rate().signum() > 0)
                .map(entry -> new PricedCart.TaxAmount(entry.getKey().name(), entry.getKey().rate(),
                        entry.getValue()[0], entry.getValue()[1])).toList();
        return new PricedCart(currency, taxes.pricesIncludeTax(), taxes.country(), reorder(priced, lines),
                shippingAmount, shippingDiscount, shippingTax, breakdown,
                new PricedCart.Totals(subtotal, discount, shippingAmount, tax, grandTotal));
    }

    private static BigDecimal taxOf(BigDecimal amount, TaxRule rule, boolean gross, int scale) {
        if (rule.rate().signum() == 0 || amount.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal tax = gross
                ? amount.multiply(rule.rate()).divide(BigDecimal.ONE.add(rule.rate()), scale, RoundingMode.HALF_UP)
                : amount.multiply(rule.rate()).setScale(scale, RoundingMode.HALF_UP);
        return tax;
    }

    private static void add(Map<TaxRule, BigDecimal[]> byRule, TaxRule rule, BigDecimal taxable, BigDecimal tax) {
        BigDecimal[] sums = byRule.computeIfAbsent(rule, key -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(taxable);
        sums[1] = sums[1].add(tax);
    }

    private static BigDecimal sum(List<PricedCart.Line> lines, Function<PricedCart.Line, BigDecimal> amount, BigDecimal zero) {
        return lines.stream().map(amount).reduce(zero, BigDecimal::add);
    }

    /** The priced lines in the cart's own order. */
    private static List<PricedCart.Line> reorder(List<PricedCart.Line> priced, List<PricingLine> lines) {
        Map<Object, PricedCart.Line> byId = new LinkedHashMap<>();
        priced.forEach(line -> byId.put(line.lineId(), line));
        return lines.stream().map(line -> byId.get(line.lineId())).toList();
    }
}
