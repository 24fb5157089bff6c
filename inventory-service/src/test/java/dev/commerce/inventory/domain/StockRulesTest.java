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
        StockItem item = new StockItem("SKU-1", UUID.randomUUID(), Instant.now());
        item.changeOnHand(3, Instant.now());
        assertThatThrownBy(() -> item.changeOnHand(-4, Instant.now())).isInstanceOf(StockRuleViolation.class)
                .hasMessageContaining("below zero");
        assertThat(item.onHand()).isEqualTo(3);
        item.changeOnHand(-3, Instant.now());
        assertThat(item.available()).isZero();
    }
}
