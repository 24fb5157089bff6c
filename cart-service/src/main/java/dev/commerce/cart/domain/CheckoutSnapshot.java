package dev.commerce.cart.domain;

import dev.commerce.platform.domain.Money;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The complete priced cart at checkout (contracts/schemas/cart/checkout-snapshot.v1.json): what the shopper agreed
 * to pay, line by line. Returned by the hand-off, kept with the frozen cart, carried by {@code order-placed}.
 */
public record CheckoutSnapshot(UUID cartId, UUID orderId, String customerId, String email, String locale, String currency,
                               Address shippingAddress, Address billingAddress, ShippingMethod shippingMethod,
                               List<Line> lines, List<AppliedPromotion> promotions, List<String> codes, Totals totals,
                               boolean pricesIncludeTax, String taxCountry, Instant frozenAt) {

    public record ShippingMethod(UUID id, String name, Money price, Money discount) {
    }

    public record Line(UUID lineId, String sku, UUID productId, String name, Map<String, String> options, String imageUrl,
                       String taxCategory, Integer weightGrams, int quantity, Money unitPrice, Money lineTotal,
                       List<Discount> discounts, Money total, List<TaxLine> taxLines) {
    }

    /** {@code kind} line: the line's own promotions; order-share: its part of the order's discounts. */
    public record Discount(String kind, Money amount) {
    }

    public record TaxLine(String name, String ratePercent, Money amount) {
    }

    public record AppliedPromotion(UUID promotionId, String name, String code, Money amount, boolean freeShipping) {
    }

    public record TaxAmount(String name, String ratePercent, Money taxable, Money tax) {
    }

    public record Totals(Money subtotal, Money discount, Money shipping, Money tax, List<TaxAmount> taxBreakdown,
                         Money grandTotal) {
    }
}
