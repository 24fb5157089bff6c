package dev.commerce.payment;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on payment-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("payment");
    }
}
