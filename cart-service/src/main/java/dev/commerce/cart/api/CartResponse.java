package dev.commerce.cart.api;

import dev.commerce.cart.domain.Cart;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Cart")
public record CartResponse(
        @Schema(description = "Unguessable id: for a guest cart, whoever holds it may use it") UUID id,
        @Schema(description = "Owner; absent for a guest cart") String customerId,
        String currency, Cart.Status status, long version, Instant createdAt, Instant updatedAt) {

    static CartResponse of(Cart cart) {
        return new CartResponse(cart.id(), cart.customerId(), cart.currency(), cart.status(), cart.version(),
                cart.createdAt(), cart.updatedAt());
    }
}
