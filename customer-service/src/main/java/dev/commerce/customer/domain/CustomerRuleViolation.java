package dev.commerce.customer.domain;

import dev.commerce.platform.domain.RuleViolation;

/** A rule of customer accounts the request breaks, named by the rule. */
public class CustomerRuleViolation extends RuleViolation {

    public CustomerRuleViolation(Kind kind, String rule, String message) {
        super(kind, rule, "Customer rule violated", message);
    }

    /** A value of one request field no account may have (400, shown as a field error). */
    public static CustomerRuleViolation invalidField(String rule, String field, String message) {
        return new CustomerRuleViolation(Kind.INVALID, rule, field, message);
    }

    private CustomerRuleViolation(Kind kind, String rule, String field, String message) {
        super(kind, rule, "Customer rule violated", field, message);
    }
}
