package dev.commerce.inventory.domain;

import dev.commerce.platform.web.problem.ProblemException;

/** A stock change the rules refuse (409): names the rule as its problem type. */
public class StockRuleViolation extends ProblemException {

    public StockRuleViolation(String rule, String message) {
        super(409, rule, "Stock rule violated", message);
    }
}
