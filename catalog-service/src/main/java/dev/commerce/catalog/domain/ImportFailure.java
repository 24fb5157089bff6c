package dev.commerce.catalog.domain;

/** A line of an import that was not applied (nothing of it was), and why. */
public record ImportFailure(int line, String errors) {
}
