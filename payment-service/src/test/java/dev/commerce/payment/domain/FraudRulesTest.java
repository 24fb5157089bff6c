package dev.commerce.payment.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FraudRulesTest {

    private static final FraudRules.Thresholds LIMITS = new FraudRules.Thresholds(80, 50, 5, new BigDecimal("1000"), 5);

    private static FraudRules.Facts facts(String amount, String average, long history, long customerAttempts,
                                          long methodAttempts, String billing, String shipping, List<String> blocked) {
        return new FraudRules.Facts(new BigDecimal(amount), new BigDecimal(average), history, customerAttempts,
                methodAttempts, billing, shipping, blocked);
    }

    @Test
    void an_ordinary_payment_scores_zero_and_is_allowed() {
        RiskAssessment risk = FraudRules.assess(facts("80.00", "60.00", 3, 1, 1, "DE", "DE", List.of()), LIMITS);
        assertThat(risk).isEqualTo(new RiskAssessment(0, List.of(), RiskAssessment.Decision.ALLOW));
    }

    @Test
    void a_blocklist_hit_declines_whatever_else_is_true() {
        RiskAssessment risk = FraudRules.assess(facts("10.00", "0", 0, 0, 0, "DE", "DE", List.of("CUSTOMER")), LIMITS);
        assertThat(risk.score()).isEqualTo(100);
        assertThat(risk.rulesFired()).containsExactly("BLOCKLISTED_CUSTOMER");
        assertThat(risk.decision()).isEqualTo(RiskAssessment.Decision.DECLINE);
    }

    @Test
    void rules_add_up_to_review_and_to_decline() {
        RiskAssessment review = FraudRules.assess(facts("1500.00", "0", 0, 0, 0, "DE", "FR", List.of()), LIMITS);
        assertThat(review.rulesFired()).containsExactly("FIRST_PURCHASE_HIGH_AMOUNT", "COUNTRY_MISMATCH");
        assertThat(review.score()).isEqualTo(50);
        assertThat(review.decision()).isEqualTo(RiskAssessment.Decision.REVIEW);

        RiskAssessment decline = FraudRules.assess(facts("600.00", "100.00", 4, 5, 7, "DE", "DE", List.of()), LIMITS);
        assertThat(decline.rulesFired()).containsExactly("AMOUNT_ABOVE_HISTORY", "CUSTOMER_VELOCITY", "PAYMENT_METHOD_VELOCITY");
        assertThat(decline.score()).isEqualTo(95);
        assertThat(decline.decision()).isEqualTo(RiskAssessment.Decision.DECLINE);
    }

    @Test
    void an_amount_at_the_history_multiple_does_not_fire() {
        RiskAssessment risk = FraudRules.assess(facts("500.00", "100.00", 2, 0, 0, null, null, List.of()), LIMITS);
        assertThat(risk.rulesFired()).isEmpty();
    }
}
