package dev.commerce.cart;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on cart-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("cart");
    }
}
