package dev.commerce.cart.domain.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CartPricerTest {

    private static final TaxRule VAT_19 = new TaxRule("VAT 19%", new BigDecimal("0.19"));
    private static final TaxRule VAT_7 = new TaxRule("VAT 7%", new BigDecimal("0.07"));
    private static final TaxTable GERMANY = new TaxTable("DE", Map.of("standard", VAT_19, "reduced", VAT_7), true);
    private static final TaxTable TEXAS = new TaxTable("US", Map.of("standard", new TaxRule("Sales tax 8.25%",
            new BigDecimal("0.0825"))), false);

    private static PricingLine line(String unitPrice, int quantity, String category) {
        return new PricingLine(UUID.randomUUID(), "SKU-" + UUID.randomUUID(), new BigDecimal(unitPrice), quantity, category, true);
    }

    @Test
    void gross_prices_contain_their_tax_and_the_grand_total_is_what_the_lines_cost() {
        PricedCart cart = CartPricer.price("EUR", List.of(line("89.90", 1, "standard")), Adjustments.NONE,
                new BigDecimal("4.90"), "standard", GERMANY);
        // 89.90 * 0.19 / 1.19 = 14.3538 -> 14.35; 4.90 * 0.19 / 1.19 = 0.7823 -> 0.78
        assertThat(cart.lines().get(0).tax()).isEqualByComparingTo("14.35");
        assertThat(cart.shippingTax()).isEqualByComparingTo("0.78");
        assertThat(cart.totals().tax()).isEqualByComparingTo("15.13");
        assertThat(cart.totals().grandTotal()).isEqualByComparingTo("94.80");
    }

    @Test
    void net_prices_get_their_tax_added_per_line() {
        PricedCart cart = CartPricer.price("USD", List.of(line("19.99", 3, "standard"), line("0.99", 1, "standard")),
                Adjustments.NONE, BigDecimal.ZERO, "standard", TEXAS);
        // 59.97 * 0.0825 = 4.9475 -> 4.95; 0.99 * 0.0825 = 0.0817 -> 0.08
        assertThat(cart.lines()).extracting(PricedCart.Line::tax)
                .containsExactly(new BigDecimal("4.95"), new BigDecimal("0.08"));
        assertThat(cart.totals().subtotal()).isEqualByComparingTo("60.96");
        assertThat(cart.totals().tax()).isEqualByComparingTo("5.03");
        assertThat(cart.totals().grandTotal()).isEqualByComparingTo("65.99");
    }

    @Test
    void an_order_discount_prorated_over_three_lines_adds_up_and_tax_follows_the_discounted_lines() {
        PricedCart cart = CartPricer.price("EUR", List.of(line("10.00", 1, "standard"), line("10.00", 1, "standard"),
                        line("10.00", 1, "reduced")), new Adjustments(Map.of(), new BigDecimal("10.00"), BigDecimal.ZERO),
                BigDecimal.ZERO, "standard", GERMANY);
        assertThat(cart.lines()).extracting(PricedCart.Line::discount)
                .containsExactly(new BigDecimal("3.34"), new BigDecimal("3.33"), new BigDecimal("3.33"));
        assertThat(cart.lines()).extracting(PricedCart.Line::total)
                .containsExactly(new BigDecimal("6.66"), new BigDecimal("6.67"), new BigDecimal("6.67"));
        assertThat(cart.totals().discount()).isEqualByComparingTo("10.00");
        assertThat(cart.totals().grandTotal()).isEqualByComparingTo("20.00");
        // 6.66*19/119 = 1.0634 -> 1.06; 6.67*19/119 = 1.0650 -> 1.06 (1.06496...); 6.67*7/107 = 0.4363 -> 0.44
        assertThat(cart.lines()).extracting(PricedCart.Line::tax)
                .containsExactly(new BigDecimal("1.06"), new BigDecimal("1.06"), new BigDecimal("0.44"));
        assertThat(cart.totals().tax()).isEqualByComparingTo("2.56");
        assertThat(cart.taxBreakdown()).extracting(PricedCart.TaxAmount::name, PricedCart.TaxAmount::tax)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VAT 19%", new BigDecimal("2.12")),
                        org.assertj.core.groups.Tuple.tuple("VAT 7%", new BigDecimal("0.44")));
    }

    @Test
    void yen_has_no_minor_unit() {
        TaxTable japan = new TaxTable("JP", Map.of("standard", new TaxRule("Consumption tax 10%", new BigDecimal("0.10"))), true);
        PricedCart cart = CartPricer.price("JPY", List.of(line("1999", 1, "standard"), line("333", 3, "standard")),
                new Adjustments(Map.of(), new BigDecimal("100"), BigDecimal.ZERO), new BigDecimal("500"), "standard", japan);
        assertThat(cart.totals().subtotal()).isEqualByComparingTo("2998");
        assertThat(cart.lines()).extracting(PricedCart.Line::discount).allSatisfy(discount ->
                assertThat(discount.scale()).isZero());
        assertThat(cart.lines().stream().map(PricedCart.Line::discount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(cart.totals().grandTotal()).isEqualByComparingTo("3398");
        assertThat(cart.totals().tax().scale()).isZero();
    }

    @Test
    void line_discounts_come_before_the_order_discount_and_never_make_a_line_negative() {
        PricingLine cheap = line("5.00", 1, "standard");
        PricingLine dear = line("15.00", 1, "standard");
        PricedCart cart = CartPricer.price("EUR", List.of(cheap, dear),
                new Adjustments(Map.of(cheap.lineId(), new BigDecimal("9.00")), new BigDecimal("3.00"), BigDecimal.ZERO),
                BigDecimal.ZERO, "standard", GERMANY);
        // the cheap line is free after its own discount (capped at 5.00); the order's 3.00 then falls on the dear line
        assertThat(cart.line(cheap.lineId()).total()).isEqualByComparingTo("0.00");
        assertThat(cart.line(dear.lineId()).total()).isEqualByComparingTo("12.00");
        assertThat(cart.totals().discount()).isEqualByComparingTo("8.00");
    }

    @Test
    void a_shipping_discount_lowers_the_shipping_tax_and_lines_that_are_not_payable_cost_nothing() {
        PricingLine gone = new PricingLine(UUID.randomUUID(), "GONE", new BigDecimal("50.00"), 2, "standard", false);
        PricedCart cart = CartPricer.price("EUR", List.of(line("20.00", 1, "standard"), gone),
                new Adjustments(Map.of(), BigDecimal.ZERO, new BigDecimal("4.90")), new BigDecimal("4.90"), "standard", GERMANY);
        assertThat(cart.shippingTax()).isEqualByComparingTo("0.00");
        assertThat(cart.line(gone.lineId()).total()).isEqualByComparingTo("0.00");
        assertThat(cart.totals().subtotal()).isEqualByComparingTo("20.00");
        assertThat(cart.totals().grandTotal()).isEqualByComparingTo("20.00");
        assertThat(cart.lines()).extracting(PricedCart.Line::lineId).last().isEqualTo(gone.lineId());
    }

    @Test
    void the_lines_add_up_to_the_totals_for_many_uneven_carts() {
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 500; run++) {
            List<PricingLine> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(5); i++) {
                lines.add(line(BigDecimal.valueOf(1 + random.nextInt(10_000), 2).toPlainString(), 1 + random.nextInt(4),
                        random.nextBoolean() ? "standard" : "reduced"));
            }
            BigDecimal orderDiscount = BigDecimal.valueOf(random.nextInt(3_000), 2);
            boolean gross = random.nextBoolean();
            PricedCart cart = CartPricer.price("EUR", lines, new Adjustments(Map.of(), orderDiscount, BigDecimal.ZERO),
                    new BigDecimal("3.99"), "standard", new TaxTable("DE", GERMANY.rulesByCategory(), gross));
            BigDecimal lineTotals = cart.lines().stream().map(PricedCart.Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal lineTaxes = cart.lines().stream().map(PricedCart.Line::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lineTotals.add(cart.shipping()).add(gross ? BigDecimal.ZERO : cart.totals().tax()))
                    .isEqualByComparingTo(cart.totals().grandTotal());
            assertThat(lineTaxes.add(cart.shippingTax())).isEqualByComparingTo(cart.totals().tax());
            assertThat(cart.taxBreakdown().stream().map(PricedCart.TaxAmount::tax).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(cart.totals().tax());
        }
    }
}
