package dev.commerce.catalog.search;

import dev.commerce.catalog.domain.listing.PriceBands;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceSelectionTest {

    @Test
    void the_bands_positions_hold_what_a_sort_puts_there_and_derive_the_same_bands() {
        Random random = new Random(7);
        for (int count : new int[]{1, 2, 3, 5, 7, 100, 2_819}) {
            long[] prices = random.longs(count, 0, 3_000_000).map(price -> price - price % 1000).toArray();
            long[] sorted = prices.clone();
            Arrays.sort(sorted);
            int[] positions = PriceBands.positionsRead(count);

            PriceSelection.orderAt(prices, positions);

            for (int position : positions) {
                assertThat(prices[position]).as("position %d of %d", position, count).isEqualTo(sorted[position]);
            }
            assertThat(PriceBands.derive(prices, count, 2)).isEqualTo(PriceBands.derive(sorted, count, 2));
        }
    }
}
