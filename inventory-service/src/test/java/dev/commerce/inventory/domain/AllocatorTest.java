package dev.commerce.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AllocatorTest {

    private static final UUID BERLIN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HAMBURG = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID MUNICH = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final List<Allocator.Rank> RANKS = List.of(
            new Allocator.Rank(MUNICH, 3), new Allocator.Rank(BERLIN, 1), new Allocator.Rank(HAMBURG, 2));

    private static Map<String, Integer> order(Object... skuAndUnits) {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (int i = 0; i < skuAndUnits.length; i += 2) {
            units.put((String) skuAndUnits[i], (Integer) skuAndUnits[i + 1]);
        }
        return units;
    }

    private static Allocator.Stock stock(String sku, UUID warehouse, int available) {
        return new Allocator.Stock(sku, warehouse, available);
    }

    @Test
    void ships_everything_from_the_first_warehouse_by_priority_that_has_every_line() {
        var result = Allocator.allocate(order("A", 2, "B", 1), RANKS,
                List.of(stock("A", BERLIN, 5), stock("A", HAMBURG, 2), stock("B", HAMBURG, 1), stock("A", MUNICH, 9),
                        stock("B", MUNICH, 9)), Set.of());
        assertThat(result).isEqualTo(new Allocator.Placed(List.of(
                new Allocator.Slot("A", HAMBURG, 2), new Allocator.Slot("B", HAMBURG, 1))));
    }

    @Test
    void without_one_warehouse_for_everything_each_line_comes_whole_from_the_first_that_holds_it() {
        var result = Allocator.allocate(order("A", 2, "B", 3), RANKS,
                List.of(stock("A", BERLIN, 2), stock("B", BERLIN, 1), stock("B", MUNICH, 3)), Set.of());
        assertThat(result).isEqualTo(new Allocator.Placed(List.of(
                new Allocator.Slot("A", BERLIN, 2), new Allocator.Slot("B", MUNICH, 3))));
    }

    @Test
    void splits_a_line_over_warehouses_by_priority_only_when_no_warehouse_holds_it_whole() {
        var result = Allocator.allocate(order("A", 6), RANKS,
                List.of(stock("A", MUNICH, 4), stock("A", BERLIN, 1), stock("A", HAMBURG, 3)), Set.of());
        assertThat(result).isEqualTo(new Allocator.Placed(List.of(
                new Allocator.Slot("A", BERLIN, 1), new Allocator.Slot("A", HAMBURG, 3), new Allocator.Slot("A", MUNICH, 2))));
    }

    @Test
    void one_short_line_rejects_the_whole_order_and_names_every_short_line() {
        var result = Allocator.allocate(order("A", 1, "B", 5, "C", 2), RANKS,
                List.of(stock("A", BERLIN, 3), stock("B", BERLIN, 2), stock("B", HAMBURG, 1)), Set.of());
        assertThat(result).isEqualTo(new Allocator.Short(List.of(
                new Allocator.Shortage("B", 5, 3), new Allocator.Shortage("C", 2, 0))));
    }

    @Test
    void negative_availability_counts_as_none() {
        var result = Allocator.allocate(order("A", 1), RANKS, List.of(stock("A", BERLIN, -4)), Set.of());
        assertThat(result).isEqualTo(new Allocator.Short(List.of(new Allocator.Shortage("A", 1, 0))));
    }

    @Test
    void a_backorderable_sku_takes_what_is_there_and_holds_the_rest_ahead_of_a_restock() {
        var result = Allocator.allocate(order("A", 5), RANKS, List.of(stock("A", HAMBURG, 2)), Set.of("A"));
        assertThat(result).isEqualTo(new Allocator.Placed(List.of(new Allocator.Slot("A", HAMBURG, 5))));

        var unstocked = Allocator.allocate(order("N", 2), RANKS, List.of(), Set.of("N"));
        assertThat(unstocked).isEqualTo(new Allocator.Placed(List.of(new Allocator.Slot("N", BERLIN, 2))));
    }

    @Test
    void nothing_can_be_held_without_an_active_warehouse() {
        var result = Allocator.allocate(order("A", 1), List.of(), List.of(), Set.of("A"));
        assertThat(result).isEqualTo(new Allocator.Short(List.of(new Allocator.Shortage("A", 1, 0))));
    }
}
