package dev.commerce.cart.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CartHttpEdgeTest extends HttpEdgeContract {

    CartHttpEdgeTest() {
        super(Edge.protectedList("Cart API", "/carts", () -> TestTokens.customer("customer-edge"),
                TestTokens::partner, "/carts"));
    }
}
