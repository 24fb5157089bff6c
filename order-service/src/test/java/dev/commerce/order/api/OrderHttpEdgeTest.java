package dev.commerce.order.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform's HTTP edge on the order API; POST /orders (checkout) is the creating path. */
@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class OrderHttpEdgeTest extends HttpEdgeContract {

    OrderHttpEdgeTest() {
        super(Edge.protectedList("Order API", "/orders", () -> TestTokens.customer("customer-edge"),
                TestTokens::service, "/orders"));
    }
}
