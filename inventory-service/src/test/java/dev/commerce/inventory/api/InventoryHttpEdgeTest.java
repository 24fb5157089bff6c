package dev.commerce.inventory.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class InventoryHttpEdgeTest extends HttpEdgeContract {

    @Override
    protected String openApiTitle() {
        return "Inventory API";
    }

    @Override
    protected String protectedPath() {
        return "/warehouses";
    }

    @Override
    protected String tokenWithRole() {
        return TestTokens.admin();
    }

    @Override
    protected String tokenWithWrongRole() {
        return TestTokens.customer("customer-1");
    }

    @Override
    protected String listPath() {
        return "/warehouses";
    }

    @Override
    protected String creatingPath() {
        return "/warehouses";
    }
}
