package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.Category;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Category")
public record CategoryResponse(UUID id, UUID parentId, @Schema(examples = "running-shoes") String slug, @Schema(examples = "Running shoes") String name, @Schema(examples = "0") int position, @Schema(examples = "2") long version,
                               Instant createdAt, Instant updatedAt) {

    static CategoryResponse of(Category category) {
        return new CategoryResponse(category.id(), category.parentId(), category.slug(), category.name(),
                category.position(), category.version(), category.createdAt(), category.updatedAt());
    }
}
