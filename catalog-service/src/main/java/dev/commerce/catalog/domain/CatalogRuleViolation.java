package dev.commerce.catalog.domain;

import dev.commerce.platform.web.problem.ProblemException;

/** A change the catalog's rules refuse (409), named by its rule. */
public class CatalogRuleViolation extends ProblemException {

    public CatalogRuleViolation(String rule, String message) {
        super(409, rule, "Catalog rule violated", message);
    }
}
