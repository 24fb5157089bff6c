package dev.commerce.inventory.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class InventoryHttpEdgeTest extends HttpEdgeContract {

    InventoryHttpEdgeTest() {
        super(Edge.protectedList("Inventory API", "/warehouses", TestTokens::admin,
                () -> TestTokens.customer("customer-1"), "/warehouses"));
    }
}
