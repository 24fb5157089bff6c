package dev.commerce.catalog.domain;

import dev.commerce.platform.domain.RuleViolation;

/** A change the catalog's rules refuse (409), named by its rule. */
public class CatalogRuleViolation extends RuleViolation {

    public CatalogRuleViolation(String rule, String message) {
        super(Kind.CONFLICT, rule, "Catalog rule violated", message);
    }
}
