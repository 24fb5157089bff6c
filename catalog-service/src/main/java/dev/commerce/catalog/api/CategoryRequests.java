package dev.commerce.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request bodies of the category endpoints. */
public final class CategoryRequests {

    private CategoryRequests() {
    }

    @Schema(name = "NewCategory")
    public record Create(
            @NotBlank @Size(max = 200) @Schema(examples = "Running shoes") String name,
            @NotNull @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
            @Size(max = 120) @Schema(examples = "running-shoes") String slug,
            @Schema(description = "Parent category; absent for a top-level category") UUID parentId,
            @PositiveOrZero @Schema(description = "Order among siblings", examples = "0") Integer position) {
    }

    @Schema(name = "CategoryUpdate")
    public record Update(
            @Schema(examples = "Trail running shoes") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "1") @PositiveOrZero Integer position) {
    }

    @Schema(name = "CategoryMove")
    public record Move(@Schema(description = "The new parent; null moves the category to the top level") UUID parentId) {
    }
}
