package dev.commerce.customer;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on customer-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("customer");
    }
}
