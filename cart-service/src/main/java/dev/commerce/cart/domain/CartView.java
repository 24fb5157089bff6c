package dev.commerce.cart.domain;

import dev.commerce.cart.domain.pricing.PricedCart;

/**
 * A cart with its amounts worked out, as the API shows it and {@code cart-updated} carries it; {@code taxEstimated}
 * says the tax is that of the deployment's default country because the cart has no shipping address yet.
 */
public record CartView(Cart cart, PricedCart priced, boolean taxEstimated) {
}
