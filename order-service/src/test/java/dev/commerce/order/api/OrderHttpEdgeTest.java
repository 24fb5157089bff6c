package dev.commerce.order.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderHttpEdgeTest extends HttpEdgeContract {

    @Override
    protected String openApiTitle() {
        return "Order API";
    }

    @Override
    protected String protectedPath() {
        return "/orders";
    }

    @Override
    protected String tokenWithRole() {
        return TestTokens.customer("customer-edge");
    }

    @Override
    protected String tokenWithWrongRole() {
        return TestTokens.partner();
    }

    @Override
    protected String listPath() {
        return "/orders";
    }

    /** Orders are created by checkout, which comes with the order issue; no creating endpoint yet. */
    @Override
    protected String creatingPath() {
        return null;
    }
}
