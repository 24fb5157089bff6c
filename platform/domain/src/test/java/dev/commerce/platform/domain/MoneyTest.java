package dev.commerce.platform.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void amounts_are_written_with_exactly_the_minor_digits_of_their_currency() {
        assertEquals(new Money("12.30", "EUR"), Money.of(new BigDecimal("12.3"), "EUR"));
        assertEquals("500", Money.format(new BigDecimal("500"), "JPY"));
        assertEquals("1.500", Money.format(new BigDecimal("1.5"), "KWD"));
    }

    @Test
    void more_decimals_than_the_currency_has_are_refused_with_the_field_named() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> Money.parse("price", "1.001", "EUR"));
        assertEquals("price", refused.field());
        assertThrows(RuleViolation.class, () -> Money.parse("price", "1.5", "JPY"));
        assertThrows(RuleViolation.class, () -> Money.parse("price", "twelve", "EUR"));
    }

    @Test
    void a_json_money_reads_back_as_its_value() {
        assertEquals(0, new BigDecimal("49.90").compareTo(new Money("49.90", "EUR").value("amount")));
    }
}
