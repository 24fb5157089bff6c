package dev.commerce.cart.domain;

/** How much one cart may hold: units per line and different SKUs per cart. */
public record CartLimits(int maxQuantityPerLine, int maxLines) {

    public CartLimits {
        if (maxQuantityPerLine < 1 || maxLines < 1) {
            throw new IllegalArgumentException("cart limits are positive");
        }
    }

    void checkQuantity(int quantity) {
        if (quantity < 1) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "quantity",
                    "must be at least 1 (remove the line to drop it)");
        }
        if (quantity > maxQuantityPerLine) {
            throw CartRuleViolation.quantityAboveLimit(maxQuantityPerLine);
        }
    }

    void checkLineCount(int lines) {
        if (lines > maxLines) {
            throw CartRuleViolation.tooManyLines(maxLines);
        }
    }
}
