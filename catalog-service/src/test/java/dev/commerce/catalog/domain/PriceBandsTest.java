package dev.commerce.catalog.domain;

import dev.commerce.catalog.domain.listing.PriceBands;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBandsTest {

    private static long[] scaled(String... prices) {
        return Arrays.stream(prices).mapToLong(price -> PriceBands.scale(new BigDecimal(price))).sorted().toArray();
    }

    @Test
    void yen_prices_get_bands_in_round_yen_from_their_own_distribution() {
        long[] prices = scaled("480", "900", "1200", "1500", "2400", "3200", "4800", "5600", "9800", "15000");
        PriceBands bands = PriceBands.derive(prices, prices.length, 0);
        assertThat(bands.bounds()).extracting(BigDecimal::toPlainString).containsExactly("1000", "2500", "5000", "10000");
        Map<String, Long> counts = bands.count(prices, prices.length);
        assertThat(counts).containsExactly(Map.entry("0-1000", 2L), Map.entry("1000-2500", 3L), Map.entry("2500-5000", 2L),
                Map.entry("5000-10000", 2L), Map.entry("10000+", 1L));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(prices.length);
    }

    @Test
    void euro_cents_and_a_single_price_and_configured_bounds() {
        long[] cheap = scaled("0.35", "0.60", "0.80", "1.20", "2.10");
        assertThat(PriceBands.derive(cheap, cheap.length, 2).bounds()).extracting(BigDecimal::toPlainString)
                .containsExactly("0.5", "1", "2");
        long[] one = scaled("19.99", "19.99");
        assertThat(PriceBands.derive(one, one.length, 2).count(one, one.length)).containsExactly(Map.entry("0+", 2L));
        PriceBands configured = new PriceBands(List.of(new BigDecimal("25"), new BigDecimal("50")));
        // a lower bound is inclusive: 25.00 is in 25-50
        assertThat(configured.count(scaled("24.99", "25.00", "50.00"), 3))
                .containsExactly(Map.entry("0-25", 1L), Map.entry("25-50", 1L), Map.entry("50+", 1L));
    }
}
