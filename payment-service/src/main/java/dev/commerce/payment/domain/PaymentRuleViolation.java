package dev.commerce.payment.domain;

import dev.commerce.platform.domain.RuleViolation;

/** An operation the payment's state or amounts refuse (409), named by its rule. */
public class PaymentRuleViolation extends RuleViolation {

    public PaymentRuleViolation(String rule, String message) {
        super(Kind.CONFLICT, rule, "Payment rule violated", message);
    }
}
