package dev.commerce.catalog.api;

import dev.commerce.platform.testing.CommerceTestResource;
import dev.commerce.platform.testing.HttpEdgeContract;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.UUID;

@QuarkusTest
@QuarkusTestResource(CommerceTestResource.class)
class CatalogHttpEdgeTest extends HttpEdgeContract {

    CatalogHttpEdgeTest() {
        super(new Edge("Catalog API", "POST", "/categories",
                () -> "{\"name\":\"Edge\",\"slug\":\"edge-" + UUID.randomUUID() + "\"}",
                TestTokens::admin, () -> TestTokens.customer("customer-1"), "/categories", "/categories"));
    }
}
