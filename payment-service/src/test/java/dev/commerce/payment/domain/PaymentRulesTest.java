package dev.commerce.payment.domain;

import dev.commerce.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentRulesTest {

    private static Payment authorized(String amount) {
        Payment payment = new Payment(UUID.randomUUID(), UUID.randomUUID(), "c", new BigDecimal(amount), "EUR", "tok", "test",
                "DE", "DE", new RiskAssessment(0, List.of(), RiskAssessment.Decision.ALLOW), Instant.now());
        payment.authorized("ref", "4242", Duration.ofDays(7), Instant.now());
        return payment;
    }

    @Test
    void partial_captures_add_up_to_the_authorization_and_no_further() {
        Payment payment = authorized("100.00");
        payment.requireCapturable(new BigDecimal("60.00"), "EUR");
        payment.captured(new BigDecimal("60.00"), Instant.now());
        payment.requireCapturable(new BigDecimal("40.00"), "EUR");
        assertThatThrownBy(() -> payment.requireCapturable(new BigDecimal("40.01"), "EUR"))
                .isInstanceOf(PaymentRuleViolation.class).hasMessageContaining("40.00");
        assertThatThrownBy(() -> payment.requireCapturable(new BigDecimal("1.00"), "USD"))
                .isInstanceOf(PaymentRuleViolation.class).hasMessageContaining("EUR");
    }

    @Test
    void refunds_add_up_to_what_was_captured_and_a_full_refund_ends_the_payment() {
        Payment payment = authorized("100.00");
        assertThatThrownBy(() -> payment.requireRefundable(new BigDecimal("1.00"), "EUR")).isInstanceOf(PaymentRuleViolation.class);
        payment.captured(new BigDecimal("70.00"), Instant.now());
        payment.requireRefundable(new BigDecimal("30.00"), "EUR");
        payment.refunded(new BigDecimal("30.00"), Instant.now());
        assertThatThrownBy(() -> payment.requireRefundable(new BigDecimal("40.01"), "EUR")).isInstanceOf(PaymentRuleViolation.class);
        payment.refunded(new BigDecimal("40.00"), Instant.now());
        assertThat(payment.status()).isEqualTo(Payment.Status.REFUNDED);
    }

    @Test
    void only_an_uncaptured_authorization_can_be_voided() {
        Payment payment = authorized("10.00");
        payment.captured(new BigDecimal("10.00"), Instant.now());
        assertThatThrownBy(payment::requireVoidable).isInstanceOf(PaymentRuleViolation.class).hasMessageContaining("CAPTURED");
        Payment other = authorized("10.00");
        other.voided(Instant.now());
        assertThatThrownBy(() -> other.requireCapturable(new BigDecimal("1.00"), "EUR")).isInstanceOf(PaymentRuleViolation.class);
    }

    @Test
    void amounts_are_exact_decimal_strings_in_the_currencys_minor_units() {
        assertThat(Amounts.parse("amount", "12.3", "EUR")).isEqualByComparingTo("12.30");
        assertThat(Amounts.format(new BigDecimal("12.3000"), "EUR")).isEqualTo("12.30");
        assertThat(Amounts.format(new BigDecimal("500"), "JPY")).isEqualTo("500");
        assertThatThrownBy(() -> Amounts.parse("amount", "1.001", "EUR")).hasMessageContaining("more decimals than EUR")
                .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Amounts.parse("amount", "-1", "EUR")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> Amounts.parse("amount", "1e3x", "EUR")).hasMessageContaining("decimal string");
    }
}
