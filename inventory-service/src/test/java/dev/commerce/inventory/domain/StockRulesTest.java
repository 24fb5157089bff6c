package dev.commerce.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockRulesTest {

    @Test
    void status_follows_available_units_threshold_and_backorder_policy() {
        assertThat(StockStatus.of(6, 5, false)).isEqualTo(StockStatus.IN_STOCK);
        assertThat(StockStatus.of(5, 5, false)).isEqualTo(StockStatus.LOW_STOCK);
        assertThat(StockStatus.of(1, 5, false)).isEqualTo(StockStatus.LOW_STOCK);
        assertThat(StockStatus.of(0, 5, false)).isEqualTo(StockStatus.OUT_OF_STOCK);
        assertThat(StockStatus.of(0, 5, true)).isEqualTo(StockStatus.BACKORDERABLE);
        assertThat(StockStatus.of(1, 0, false)).isEqualTo(StockStatus.IN_STOCK);
    }

    @Test
    void on_hand_stock_never_goes_below_zero() {
        StockItem item = new StockItem("SKU-1", UUID.randomUUID(), false, Instant.now());
        item.changeOnHand(3, Instant.now());
        assertThatThrownBy(() -> item.changeOnHand(-4, Instant.now())).isInstanceOf(StockRuleViolation.class)
                .hasMessageContaining("below zero");
        assertThat(item.onHand()).isEqualTo(3);
        item.changeOnHand(-3, Instant.now());
        assertThat(item.available()).isZero();
    }

    @Test
    void reserved_units_cannot_be_sold_twice_or_counted_away() {
        StockItem item = new StockItem("SKU-1", UUID.randomUUID(), false, Instant.now());
        item.changeOnHand(5, Instant.now());
        item.reserve(4, false, Instant.now());
        assertThatThrownBy(() -> item.reserve(2, false, Instant.now())).isInstanceOf(StockRuleViolation.class)
                .hasMessageContaining("only 1");
        assertThatThrownBy(() -> item.changeOnHand(-2, Instant.now())).isInstanceOf(StockRuleViolation.class)
                .hasMessageContaining("reserved");
        item.commit(3, false, Instant.now());
        assertThat(item.onHand()).isEqualTo(2);
        assertThat(item.reserved()).isEqualTo(1);
        item.release(1, Instant.now());
        assertThat(item.available()).isEqualTo(2);
        assertThatThrownBy(() -> item.release(1, Instant.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_backorder_holds_more_than_the_shelf_and_a_receipt_brings_the_count_back() {
        StockItem item = new StockItem("SKU-1", UUID.randomUUID(), false, Instant.now());
        item.changeOnHand(1, Instant.now());
        item.reserve(3, true, Instant.now());
        assertThat(item.available()).isEqualTo(-2);
        item.commit(3, true, Instant.now());
        assertThat(item.onHand()).isEqualTo(-2);
        item.changeOnHand(5, Instant.now());
        assertThat(item.onHand()).isEqualTo(3);
        assertThatThrownBy(() -> item.commit(1, true, Instant.now())).isInstanceOf(IllegalStateException.class);
    }
}
