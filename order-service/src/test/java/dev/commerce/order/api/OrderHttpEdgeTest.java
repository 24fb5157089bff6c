package dev.commerce.order.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Orders are created by checkout (a later issue): no creating endpoint yet, so the body tests are skipped. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderHttpEdgeTest extends HttpEdgeContract {

    OrderHttpEdgeTest() {
        super(Edge.protectedList("Order API", "/orders", () -> TestTokens.customer("customer-edge"),
                TestTokens::partner, null));
    }
}
