package dev.commerce.cart.domain.pricing;

import java.util.Map;

/**
 * The tax rules of one destination country by tax category, and whether the currency's prices are entered gross
 * (tax included, EU style) or net (tax added on top, US style).
 */
public record TaxTable(String country, Map<String, TaxRule> rulesByCategory, boolean pricesIncludeTax) {

    public TaxTable {
        rulesByCategory = Map.copyOf(rulesByCategory);
    }

    /** The rule of {@code taxCategory}; a category without a rate in the country pays none. */
    public TaxRule ruleFor(String taxCategory) {
        return taxCategory == null ? TaxRule.NONE : rulesByCategory.getOrDefault(taxCategory, TaxRule.NONE);
    }
}
