package dev.commerce.inventory.domain;

import dev.commerce.platform.domain.RuleViolation;

/** A stock change the rules refuse (409): names the rule as its problem type. */
public class StockRuleViolation extends RuleViolation {

    public StockRuleViolation(String rule, String message) {
        super(Kind.CONFLICT, rule, "Stock rule violated", message);
    }
}
