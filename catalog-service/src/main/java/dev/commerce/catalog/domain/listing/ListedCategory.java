package dev.commerce.catalog.domain.listing;

import java.util.UUID;

/** A category as the storefront's read side knows it from catalog.category.v1. */
public record ListedCategory(UUID id, UUID parentId, String slug, String name, String path, int position) {
}
