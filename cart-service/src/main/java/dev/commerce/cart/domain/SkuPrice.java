package dev.commerce.cart.domain;

import java.math.BigDecimal;

/** A variant's price in one currency, and the compare-at ("was") price shown struck through, if any. */
public record SkuPrice(BigDecimal amount, BigDecimal compareAtAmount) {
}
