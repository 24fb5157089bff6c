package dev.commerce.cart.api;

import dev.commerce.platform.testing.EventContracts;
import org.junit.jupiter.api.Test;

/** The snapshot example in the OpenAPI document is one order-service could receive: valid against the contract. */
class CheckoutSnapshotExampleTest {

    @Test
    void the_documented_snapshot_example_meets_the_contract() {
        EventContracts.assertValidDocument("cart/checkout-snapshot.v1.json", CartCheckoutResource.SNAPSHOT_EXAMPLE);
    }
}
