package dev.commerce.catalog.api;

import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import dev.commerce.platform.testing.CommerceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CatalogHttpEdgeTest extends HttpEdgeContract {

    @Override
    protected String openApiTitle() {
        return "Catalog API";
    }

    @Override
    protected String protectedPath() {
        return "/categories";
    }

    @Override
    protected String protectedMethod() {
        return "POST";
    }

    @Override
    protected String protectedBody() {
        return "{\"name\":\"Edge\",\"slug\":\"edge-" + UUID.randomUUID() + "\"}";
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
        return "/categories";
    }

    @Override
    protected String creatingPath() {
        return "/categories";
    }
}
