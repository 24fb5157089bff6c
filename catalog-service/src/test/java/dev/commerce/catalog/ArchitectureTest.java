package dev.commerce.catalog;

import dev.commerce.platform.testing.ArchitectureContract;

/** The layer rules of the platform, on catalog-service's classes. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("catalog");
    }
}
