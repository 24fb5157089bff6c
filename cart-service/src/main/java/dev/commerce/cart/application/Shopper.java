package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;

/**
 * Who is calling: a signed-in customer (their {@code sub}), a guest (no customer id: a guest cart's id is their
 * capability), or an admin. Another customer's cart is invisible to them, answered like an unknown cart.
 */
public record Shopper(String customerId, boolean admin) {

    public static Shopper guest() {
        return new Shopper(null, false);
    }

    public boolean maySee(Cart cart) {
        return admin || cart.visibleTo(customerId);
    }
}
