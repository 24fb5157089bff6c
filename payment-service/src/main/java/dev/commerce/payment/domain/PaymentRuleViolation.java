package dev.commerce.payment.domain;

import dev.commerce.platform.web.problem.ProblemException;

/** An operation the payment's state or amounts refuse (409), named by its rule. */
public class PaymentRuleViolation extends ProblemException {

    public PaymentRuleViolation(String rule, String message) {
        super(409, rule, "Payment rule violated", message);
    }
}
