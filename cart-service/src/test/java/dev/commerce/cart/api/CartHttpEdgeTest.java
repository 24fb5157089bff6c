package dev.commerce.cart.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartHttpEdgeTest extends HttpEdgeContract {

    @Override
    protected String openApiTitle() {
        return "Cart API";
    }

    @Override
    protected String protectedPath() {
        return "/carts";
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
        return "/carts";
    }

    @Override
    protected String creatingPath() {
        return "/carts";
    }
}
