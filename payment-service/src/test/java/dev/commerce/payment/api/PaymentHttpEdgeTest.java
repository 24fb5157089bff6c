package dev.commerce.payment.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PaymentHttpEdgeTest extends HttpEdgeContract {

    PaymentHttpEdgeTest() {
        super(Edge.protectedList("Payment API", "/fraud/blocklist", TestTokens::admin,
                () -> TestTokens.customer("customer-1"), "/fraud/blocklist"));
    }
}
