package dev.commerce.payment.domain;

import java.util.List;

/** The outcome of fraud screening: a score from 0 to 100, the rules that fired, and what to do. */
public record RiskAssessment(int score, List<String> rulesFired, Decision decision) {

    /** What screening decided. */
    public enum Decision { ALLOW, REVIEW, DECLINE }
}
