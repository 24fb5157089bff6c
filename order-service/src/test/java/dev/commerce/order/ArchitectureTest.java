package dev.commerce.order;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on order-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("order");
    }
}
