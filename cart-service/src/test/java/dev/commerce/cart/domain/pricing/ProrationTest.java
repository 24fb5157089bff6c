package dev.commerce.cart.domain.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void ten_over_three_equal_parts_adds_up_to_ten() {
        List<BigDecimal> shares = Proration.allocate(new BigDecimal("10.00"), amounts("5.00", "5.00", "5.00"), 2);
        assertThat(shares).containsExactly(new BigDecimal("3.34"), new BigDecimal("3.33"), new BigDecimal("3.33"));
    }

    @Test
    void the_unit_left_goes_to_the_largest_fraction() {
        // 1.00 over 1:2 is 0.333.. and 0.666..: the second part takes the unit left
        List<BigDecimal> shares = Proration.allocate(new BigDecimal("1.00"), amounts("1", "2"), 2);
        assertThat(shares).containsExactly(new BigDecimal("0.33"), new BigDecimal("0.67"));
    }

    @Test
    void yen_is_split_in_whole_yen() {
        List<BigDecimal> shares = Proration.allocate(new BigDecimal("100"), amounts("1000", "1000", "1000"), 0);
        assertThat(shares).containsExactly(new BigDecimal("34"), new BigDecimal("33"), new BigDecimal("33"));
        assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
    }

    @Test
    void many_uneven_parts_always_add_up() {
        for (int cents = 1; cents < 500; cents += 7) {
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            List<BigDecimal> shares = Proration.allocate(amount, amounts("19.99", "0.01", "7.77", "3.33"), 2);
            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(amount);
            assertThat(shares).allSatisfy(share -> assertThat(share.signum()).isNotNegative());
        }
    }

    @Test
    void nothing_to_split_gives_zeros() {
        assertThat(Proration.allocate(BigDecimal.ZERO.setScale(2), amounts("1", "2"), 2))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(Proration.allocate(new BigDecimal("1.00"), List.of(), 2)).isEmpty();
    }
}
