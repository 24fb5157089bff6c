package dev.commerce.cart.domain.promotion;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PromotionEngineTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final PromotionEngine.Buyer NEW_CUSTOMER = new PromotionEngine.Buyer(0);

    private static PromotionLine line(String sku, String unitPrice, int quantity, String... categories) {
        return new PromotionLine(UUID.randomUUID(), sku, "product-" + sku, List.of(categories), new BigDecimal(unitPrice), quantity);
    }

    private static PromotionOffer offer(int priority, PromotionAction action) {
        return offer(priority, true, false, PromotionConditions.NONE, action);
    }

    private static PromotionOffer offer(int priority, boolean combinable, boolean exclusive, PromotionConditions conditions,
                                        PromotionAction action) {
        return new PromotionOffer(UUID.randomUUID(), "P" + priority, null, priority, exclusive, combinable, null, null,
                conditions, action);
    }

    private static PromotionAction percentOffOrder(String percent) {
        return new PromotionAction(PromotionAction.Type.ORDER_PERCENTAGE, new BigDecimal(percent), null, null, null, null, null);
    }

    private static PromotionAction percentOffLines(String percent, PromotionAction.Target target) {
        return new PromotionAction(PromotionAction.Type.LINE_PERCENTAGE, new BigDecimal(percent), null, target, null, null, null);
    }

    private static PromotionResult apply(List<PromotionLine> lines, PromotionOffer... offers) {
        return PromotionEngine.apply("EUR", 2, lines, NEW_CUSTOMER, List.of(offers), NOW);
    }

    @Test
    void line_discounts_come_first_and_order_discounts_act_on_what_is_left() {
        PromotionLine shoes = line("SHOE", "100.00", 1, "shoes");
        PromotionLine socks = line("SOCK", "10.00", 1);
        // priority puts the order discount first, yet it is computed after the line discount
        PromotionResult result = apply(List.of(shoes, socks),
                offer(1, percentOffOrder("10")),
                offer(2, percentOffLines("20", new PromotionAction.Target(null, null, List.of("shoes")))));
        assertThat(result.lineDiscounts()).containsEntry(shoes.lineId(), new BigDecimal("20.00"));
        // (110.00 - 20.00) * 10% = 9.00
        assertThat(result.orderDiscount()).isEqualByComparingTo("9.00");
        assertThat(result.applied()).extracting(PromotionResult.Applied::amount)
                .containsExactly(new BigDecimal("9.00"), new BigDecimal("20.00"));
    }

    @Test
    void buy_two_get_one_free_rewards_the_cheapest_qualifying_units() {
        PromotionLine dear = line("A", "30.00", 2, "tees");
        PromotionLine cheap = line("B", "12.00", 1, "tees");
        PromotionLine other = line("C", "1.00", 5);
        PromotionAction b2g1 = new PromotionAction(PromotionAction.Type.BUY_X_GET_Y, null, null,
                new PromotionAction.Target(null, null, List.of("tees")), 2, 1, null);
        PromotionResult result = apply(List.of(dear, cheap, other), offer(1, b2g1));
        assertThat(result.lineDiscounts()).containsOnlyKeys(cheap.lineId())
                .containsEntry(cheap.lineId(), new BigDecimal("12.00"));
    }

    @Test
    void buy_x_get_y_at_half_price_counts_whole_groups_only() {
        PromotionLine tee = line("T", "20.00", 5);
        PromotionAction b2gHalf = new PromotionAction(PromotionAction.Type.BUY_X_GET_Y, new BigDecimal("50"), null, null, 2, 1, null);
        // 5 units: one group of 3 -> one unit half off
        assertThat(apply(List.of(tee), offer(1, b2gHalf)).lineDiscounts()).containsEntry(tee.lineId(), new BigDecimal("10.00"));
        PromotionLine two = line("T", "20.00", 2);
        PromotionResult tooFew = apply(List.of(two), offer(1, b2gHalf));
        assertThat(tooFew.applied()).isEmpty();
        assertThat(tooFew.notApplied().get(0).message()).isEqualTo("add 1 more qualifying unit");
    }

    @Test
    void an_exclusive_promotion_stops_the_later_ones_and_a_non_combinable_one_applies_alone() {
        PromotionLine item = line("X", "50.00", 2);
        PromotionOffer first = offer(1, true, true, PromotionConditions.NONE, percentOffOrder("10"));
        PromotionOffer later = offer(2, percentOffOrder("5"));
        PromotionResult exclusive = apply(List.of(item), first, later);
        assertThat(exclusive.applied()).extracting(PromotionResult.Applied::promotionId).containsExactly(first.promotionId());
        assertThat(exclusive.notApplied()).extracting(PromotionResult.NotApplied::reason).containsExactly("excluded");

        PromotionOffer automatic = offer(1, percentOffOrder("5"));
        PromotionOffer loner = offer(2, false, false, PromotionConditions.NONE, percentOffOrder("50"));
        PromotionResult alone = apply(List.of(item), automatic, loner);
        assertThat(alone.applied()).extracting(PromotionResult.Applied::promotionId).containsExactly(automatic.promotionId());
        assertThat(alone.notApplied()).extracting(PromotionResult.NotApplied::reason).containsExactly("not-combinable");
    }

    @Test
    void conditions_say_what_is_missing() {
        PromotionLine item = line("X", "37.50", 1);
        PromotionConditions fifty = new PromotionConditions(Map.of("EUR", new BigDecimal("50.00")), null, null, null, null);
        PromotionResult result = apply(List.of(item), offer(1, true, false, fifty, percentOffOrder("10")));
        assertThat(result.notApplied().get(0).reason()).isEqualTo("min-subtotal");
        assertThat(result.notApplied().get(0).message()).isEqualTo("add 12.50 EUR more");

        PromotionConditions loyal = new PromotionConditions(null, null, null, 3, null);
        assertThat(PromotionEngine.apply("EUR", 2, List.of(item), new PromotionEngine.Buyer(3),
                List.of(offer(1, true, false, loyal, percentOffOrder("10"))), NOW).applied()).hasSize(1);
        assertThat(PromotionEngine.apply("EUR", 2, List.of(item), new PromotionEngine.Buyer(2),
                List.of(offer(1, true, false, loyal, percentOffOrder("10"))), NOW).notApplied().get(0).reason()).isEqualTo("loyalty");

        PromotionConditions first = new PromotionConditions(null, null, true, null, null);
        assertThat(apply(List.of(item), offer(1, true, false, first, percentOffOrder("10"))).applied()).hasSize(1);
        assertThat(PromotionEngine.apply("EUR", 2, List.of(item), new PromotionEngine.Buyer(1),
                List.of(offer(1, true, false, first, percentOffOrder("10"))), NOW).applied()).isEmpty();
    }

    @Test
    void a_group_promotion_applies_to_members_of_any_of_its_groups_only() {
        PromotionLine item = line("X", "40.00", 1);
        PromotionConditions members = new PromotionConditions(null, null, null, null, List.of("vip", "wholesale"));
        PromotionOffer offer = offer(1, true, false, members, percentOffOrder("10"));

        assertThat(PromotionEngine.apply("EUR", 2, List.of(item), new PromotionEngine.Buyer(0, java.util.Set.of("wholesale")),
                List.of(offer), NOW).orderDiscount()).isEqualByComparingTo("4.00");
        PromotionResult outsider = PromotionEngine.apply("EUR", 2, List.of(item), new PromotionEngine.Buyer(0, java.util.Set.of("staff")),
                List.of(offer), NOW);
        assertThat(outsider.applied()).isEmpty();
        assertThat(outsider.notApplied().get(0).reason()).isEqualTo("customer-group");
        assertThat(outsider.notApplied().get(0).message()).isEqualTo("for members of vip, wholesale");
        assertThat(PromotionEngine.apply("EUR", 2, List.of(item), PromotionEngine.Buyer.GUEST, List.of(offer), NOW).applied())
                .as("a guest is in no group").isEmpty();
    }

    @Test
    void the_highest_tier_reached_applies_and_the_validity_window_is_kept() {
        PromotionLine item = line("X", "120.00", 1);
        PromotionAction tiers = new PromotionAction(PromotionAction.Type.TIERED, null, null, null, null, null, List.of(
                new PromotionAction.Tier(Map.of("EUR", new BigDecimal("50")), null, Map.of("EUR", new BigDecimal("5.00"))),
                new PromotionAction.Tier(Map.of("EUR", new BigDecimal("100")), null, Map.of("EUR", new BigDecimal("15.00")))));
        assertThat(apply(List.of(item), offer(1, tiers)).orderDiscount()).isEqualByComparingTo("15.00");
        assertThat(apply(List.of(line("X", "40.00", 1)), offer(1, tiers)).notApplied().get(0).message())
                .isEqualTo("add 10.00 EUR more");

        PromotionOffer ended = new PromotionOffer(UUID.randomUUID(), "Old", "OLD", 1, false, true, null,
                NOW.minusSeconds(1), PromotionConditions.NONE, percentOffOrder("10"));
        assertThat(apply(List.of(item), ended).notApplied().get(0).reason()).isEqualTo("expired");
    }

    @Test
    void amounts_never_exceed_what_is_left() {
        PromotionLine item = line("X", "8.00", 1);
        PromotionAction twenty = new PromotionAction(PromotionAction.Type.ORDER_FIXED, null, Map.of("EUR", new BigDecimal("20.00")),
                null, null, null, null);
        PromotionAction lineTen = new PromotionAction(PromotionAction.Type.LINE_FIXED, null, Map.of("EUR", new BigDecimal("10.00")),
                null, null, null, null);
        PromotionResult result = apply(List.of(item), offer(1, lineTen), offer(2, twenty));
        assertThat(result.lineDiscounts().get(item.lineId())).isEqualByComparingTo("8.00");
        assertThat(result.orderDiscount()).isEqualByComparingTo("0.00");
        PromotionResult free = apply(List.of(item), offer(1, new PromotionAction(PromotionAction.Type.FREE_SHIPPING, null, null,
                null, null, null, null)));
        assertThat(free.freeShipping()).isTrue();
    }
}
