package dev.commerce.inventory;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on inventory-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("inventory");
    }
}
