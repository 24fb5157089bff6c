package dev.commerce.catalog.domain;

/** Where a product is in its life: only ACTIVE products are visible to shoppers. */
public enum ProductStatus { DRAFT, ACTIVE, ARCHIVED }
