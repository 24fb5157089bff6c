package dev.commerce.order.domain.fulfillment;

import dev.commerce.order.domain.Order;
import dev.commerce.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money rules of shipments and returns, and the return window, without Quarkus. */
class FulfillmentRulesTest {

    private static final UUID ORDER = UUID.randomUUID();

    private static List<OrderLine> lines() {
        return List.of(new OrderLine(ORDER, 0, UUID.randomUUID(), "SKU-A", "Socks", 3, new BigDecimal("20.00")),
                new OrderLine(ORDER, 1, UUID.randomUUID(), "SKU-B", "Cap", 1, new BigDecimal("5.00")));
    }

    private static List<SkuQuantity> units(String sku, int quantity) {
        return List.of(new SkuQuantity(sku, quantity));
    }

    @Test
    void the_shares_of_a_line_add_up_to_its_amount_however_it_is_split() {
        BigDecimal amount = new BigDecimal("100.00");
        for (int quantity = 1; quantity <= 13; quantity++) {
            int units = quantity;
            BigDecimal oneByOne = IntStream.range(0, units)
                    .mapToObj(from -> Proration.share(amount, units, from, 1, 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(oneByOne).as("%d units one by one", units).isEqualByComparingTo(amount);
            if (units > 2) {
                BigDecimal inTwo = Proration.share(amount, units, 0, 2, 2).add(Proration.share(amount, units, 2, units - 2, 2));
                assertThat(inTwo).isEqualByComparingTo(amount);
            }
        }
        assertThat(Proration.share(new BigDecimal("20.00"), 3, 0, 1, 2)).isEqualByComparingTo("6.66");
        assertThat(Proration.share(new BigDecimal("1000"), 3, 0, 1, 0)).isEqualByComparingTo("333");
    }

    @Test
    void the_first_shipment_captures_the_shipping_and_all_shipments_capture_the_grand_total() {
        List<OrderLine> lines = lines();
        BigDecimal grandTotal = new BigDecimal("29.90");
        assertThat(Fulfillment.orderCharges(lines, grandTotal)).isEqualByComparingTo("4.90");

        BigDecimal first = Fulfillment.ship(lines, units("SKU-A", 1), true, grandTotal, "EUR");
        BigDecimal second = Fulfillment.ship(lines, List.of(new SkuQuantity("SKU-B", 1), new SkuQuantity("SKU-A", 1)), false,
                grandTotal, "EUR");
        BigDecimal third = Fulfillment.ship(lines, units("SKU-A", 1), false, grandTotal, "EUR");

        assertThat(first).isEqualByComparingTo("11.56");
        assertThat(second).isEqualByComparingTo("11.67");
        assertThat(third).isEqualByComparingTo("6.67");
        assertThat(first.add(second).add(third)).isEqualByComparingTo(grandTotal);
    }

    @Test
    void nothing_ships_beyond_what_is_left_and_a_refused_request_moves_nothing() {
        List<OrderLine> lines = lines();
        assertThatThrownBy(() -> Fulfillment.ship(lines, List.of(new SkuQuantity("SKU-B", 1), new SkuQuantity("SKU-A", 4)),
                true, new BigDecimal("29.90"), "EUR"))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).rule()).isEqualTo("quantity-exceeds-unshipped");
        assertThat(lines.get(1).shipped()).as("SKU-B, checked before SKU-A refused").isZero();
        assertThatThrownBy(() -> Fulfillment.ship(lines, units("SKU-Z", 1), true, new BigDecimal("29.90"), "EUR"))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("unknown-order-line");
        assertThatThrownBy(() -> Fulfillment.ship(lines, List.of(), true, new BigDecimal("29.90"), "EUR"))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("validation");
    }

    @Test
    void only_delivered_units_come_back_each_once_refunded_by_their_share_without_the_shipping() {
        List<OrderLine> lines = lines();
        Fulfillment.ship(lines, units("SKU-A", 3), true, new BigDecimal("29.90"), "EUR");
        assertThatThrownBy(() -> Fulfillment.takeBack(lines, units("SKU-A", 1), "EUR"))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("quantity-exceeds-returnable");
        Fulfillment.deliver(lines, units("SKU-A", 3));
        assertThat(Fulfillment.everyLineDelivered(lines)).isFalse();

        assertThat(Fulfillment.takeBack(lines, units("SKU-A", 2), "EUR")).isEqualByComparingTo("13.33");
        assertThat(Fulfillment.takeBack(lines, units("SKU-A", 1), "EUR")).isEqualByComparingTo("6.67");
        assertThatThrownBy(() -> Fulfillment.takeBack(lines, units("SKU-A", 1), "EUR"))
                .extracting(e -> ((RuleViolation) e).details().get("available")).isEqualTo(0);
    }

    @Test
    void an_order_is_delivered_when_every_unit_of_every_line_is() {
        List<OrderLine> lines = lines();
        Fulfillment.ship(lines, List.of(new SkuQuantity("SKU-A", 3), new SkuQuantity("SKU-B", 1)), true, new BigDecimal("29.90"), "EUR");
        Fulfillment.deliver(lines, units("SKU-A", 3));
        assertThat(Fulfillment.everyLineDelivered(lines)).isFalse();
        Fulfillment.deliver(lines, units("SKU-B", 1));
        assertThat(Fulfillment.everyLineDelivered(lines)).isTrue();
    }

    @Test
    void returns_are_accepted_until_the_window_after_the_latest_delivery() {
        Order order = Order.place(new Order.Placement(ORDER, "C-1", "customer-1", "a@example.com", UUID.randomUUID(), "EUR",
                new BigDecimal("29.90"), "tok_approved", "{}"), Instant.parse("2026-11-01T10:00:00Z"));
        Duration window = Duration.ofDays(30);
        assertThatThrownBy(() -> order.requireReturnWindowOpen(window, Instant.parse("2026-11-02T10:00:00Z")))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("order-not-delivered");

        order.deliveredAt(Instant.parse("2026-11-05T10:00:00Z"));
        order.deliveredAt(Instant.parse("2026-11-03T10:00:00Z")); // an earlier parcel reported late
        order.requireReturnWindowOpen(window, Instant.parse("2026-12-05T10:00:00Z"));
        assertThatThrownBy(() -> order.requireReturnWindowOpen(window, Instant.parse("2026-12-05T10:00:01Z")))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).details().get("returnableUntil"))
                .isEqualTo("2026-12-05T10:00:00Z");
    }
}
