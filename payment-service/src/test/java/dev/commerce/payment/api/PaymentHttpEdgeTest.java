package dev.commerce.payment.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class PaymentHttpEdgeTest extends HttpEdgeContract {

    @Override
    protected String openApiTitle() {
        return "Payment API";
    }

    @Override
    protected String protectedPath() {
        return "/fraud/blocklist";
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
        return "/fraud/blocklist";
    }

    @Override
    protected String creatingPath() {
        return "/fraud/blocklist";
    }
}
