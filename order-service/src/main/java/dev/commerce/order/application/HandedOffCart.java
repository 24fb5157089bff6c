package dev.commerce.order.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.domain.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * What order-service reads from the cart's checkout snapshot (contracts/schemas/cart/checkout-snapshot.v1.json); the
 * snapshot itself is kept whole, as the cart sent it. Unknown members are ignored: the cart may add to its contract.
 */
record HandedOffCart(UUID cartId, UUID orderId, String customerId, String email, String currency, List<Line> lines,
                     Totals totals) {

    record Line(String sku, int quantity) {
    }

    record Totals(Money grandTotal) {
    }

    static HandedOffCart read(ObjectMapper json, String snapshot) {
        try {
            return json.readerFor(HandedOffCart.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cart-service answered a checkout snapshot order-service cannot read", e);
        }
    }
}
