package dev.commerce.order.api;

import dev.commerce.order.domain.Order;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Order")
public record OrderResponse(UUID id, String orderNumber, String customerId, UUID cartId, Order.Status status,
                            Money grandTotal, long version, Instant placedAt, Instant updatedAt) {

    /** An amount as a decimal string with its ISO 4217 currency. */
    @Schema(name = "Money")
    public record Money(@Schema(examples = "59.90") String amount, @Schema(examples = "EUR") String currency) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.orderNumber(), order.customerId(), order.cartId(), order.status(),
                new Money(dev.commerce.platform.domain.Money.format(order.grandTotal(), order.currency()), order.currency()),
                order.version(), order.placedAt(), order.updatedAt());
    }
}
