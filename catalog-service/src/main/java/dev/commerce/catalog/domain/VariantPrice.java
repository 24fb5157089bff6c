package dev.commerce.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** A variant's price in one currency, and the higher "compare at" price of a sale when there is one. */
@Embeddable
public record VariantPrice(String currency, BigDecimal amount, @Column(name = "compare_at") BigDecimal compareAt) {
}
