package dev.commerce.customer.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CustomerHttpEdgeTest extends HttpEdgeContract {

    CustomerHttpEdgeTest() {
        super(Edge.protectedList("Customer API", "/customers", TestTokens::admin,
                () -> TestTokens.customer(UUID.randomUUID().toString()), "/auth/sign-up"));
    }
}
