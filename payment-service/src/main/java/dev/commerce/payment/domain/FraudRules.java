package dev.commerce.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk score of a payment attempt: each rule that fires adds its weight (a blocklist hit scores 100 at once);
 * at or above {@code declineAt} the attempt is declined, at or above {@code reviewAt} it is authorized but flagged
 * for a person to review. A pure function of what the caller looked up, so the rules are tested without a database.
 */
public final class FraudRules {

    /** What screening knows about an attempt. */
    public record Facts(BigDecimal amount, BigDecimal customerAverage, long customerPayments,
                        long customerAttemptsLastHour, long methodAttemptsLastHour, String billingCountry,
                        String shippingCountry, List<String> blocklistHits) {
    }

    /** Weights and limits; see {@code commerce.payment.fraud.*}. */
    public record Thresholds(int declineAt, int reviewAt, int velocityLimit, BigDecimal firstPurchaseLimit,
                             int historyMultiple) {
    }

    public static final int AMOUNT_ABOVE_HISTORY = 35;
    public static final int FIRST_PURCHASE_HIGH_AMOUNT = 25;
    public static final int CUSTOMER_VELOCITY = 30;
    public static final int METHOD_VELOCITY = 30;
    public static final int COUNTRY_MISMATCH = 25;

    private FraudRules() {
    }

    public static RiskAssessment assess(Facts facts, Thresholds limits) {
        List<String> fired = new ArrayList<>();
        int score = 0;
        for (String hit : facts.blocklistHits()) {
            fired.add("BLOCKLISTED_" + hit);
            score = 100;
        }
        if (facts.customerPayments() > 0 && facts.customerAverage().signum() > 0
                && facts.amount().compareTo(facts.customerAverage().multiply(BigDecimal.valueOf(limits.historyMultiple()))) > 0) {
            fired.add("AMOUNT_ABOVE_HISTORY");
            score += AMOUNT_ABOVE_HISTORY;
        }
        if (facts.customerPayments() == 0 && facts.amount().compareTo(limits.firstPurchaseLimit()) > 0) {
            fired.add("FIRST_PURCHASE_HIGH_AMOUNT");
            score += FIRST_PURCHASE_HIGH_AMOUNT;
        }
        if (facts.customerAttemptsLastHour() >= limits.velocityLimit()) {
            fired.add("CUSTOMER_VELOCITY");
            score += CUSTOMER_VELOCITY;
        }
        if (facts.methodAttemptsLastHour() >= limits.velocityLimit()) {
            fired.add("PAYMENT_METHOD_VELOCITY");
            score += METHOD_VELOCITY;
        }
        if (facts.billingCountry() != null && facts.shippingCountry() != null
                && !facts.billingCountry().equals(facts.shippingCountry())) {
            fired.add("COUNTRY_MISMATCH");
            score += COUNTRY_MISMATCH;
        }
        int capped = Math.min(100, score);
        RiskAssessment.Decision decision = capped >= limits.declineAt() ? RiskAssessment.Decision.DECLINE
                : capped >= limits.reviewAt() ? RiskAssessment.Decision.REVIEW : RiskAssessment.Decision.ALLOW;
        return new RiskAssessment(capped, List.copyOf(fired), decision);
    }

    /** The average of a total over a count, for the history rule; zero without history. */
    public static BigDecimal average(BigDecimal total, long count) {
        return count == 0 ? BigDecimal.ZERO : total.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
    }
}
