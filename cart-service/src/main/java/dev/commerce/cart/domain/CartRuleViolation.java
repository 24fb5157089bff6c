package dev.commerce.cart.domain;

import dev.commerce.platform.domain.RuleViolation;

/** A cart rule the shopper's request breaks; the platform maps the kind to a status and the rule to a problem type. */
public class CartRuleViolation extends RuleViolation {

    public CartRuleViolation(Kind kind, String rule, String title, String message) {
        super(kind, rule, title, message);
    }

    public CartRuleViolation(Kind kind, String rule, String title, String field, String message) {
        super(kind, rule, title, field, message);
    }

    public static CartRuleViolation notEditable(Cart cart) {
        return new CartRuleViolation(Kind.CONFLICT, "cart-not-editable", "Cart not editable",
                "the cart is " + cart.status() + " and takes no more changes");
    }

    public static CartRuleViolation notSellable(String sku, String why) {
        return new CartRuleViolation(Kind.UNPROCESSABLE, "sku-not-sellable", "SKU not sellable", "sku",
                "SKU " + sku + " " + why);
    }

    public static CartRuleViolation insufficientStock(String sku, long available) {
        return (CartRuleViolation) new CartRuleViolation(Kind.CONFLICT, "insufficient-stock", "Insufficient stock",
                "only " + Math.max(0, available) + " of " + sku + " can be sold now")
                .with("sku", sku).with("available", Math.max(0, available));
    }

    public static CartRuleViolation quantityAboveLimit(int limit) {
        return (CartRuleViolation) new CartRuleViolation(Kind.INVALID, "quantity-limit", "Quantity above limit",
                "quantity", "a line holds at most " + limit + " units").with("maxQuantity", limit);
    }

    public static CartRuleViolation tooManyLines(int limit) {
        return (CartRuleViolation) new CartRuleViolation(Kind.CONFLICT, "cart-line-limit", "Too many lines",
                "a cart holds at most " + limit + " different SKUs").with("maxLines", limit);
    }
}
