package dev.commerce.order.checkout;

import java.util.UUID;

/** Checkout snapshots as cart-service hands them off (contracts/schemas/cart/checkout-snapshot.v1.json). */
final class Snapshots {

    private Snapshots() {
    }

    /** One line of {@code quantity} x 10.00 EUR, 4.90 shipping, German VAT included; {@code customerId} null: a guest. */
    static String of(UUID cartId, String customerId, String email, String sku, int quantity) {
        String lineTotal = "%d.00".formatted(10 * quantity);
        String grandTotal = "%d.90".formatted(10 * quantity + 4);
        return """
                {"cartId":"%s","orderId":"{{orderId}}",%s"email":"%s","locale":"de-DE","currency":"EUR",
                 "shippingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
                 "billingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
                 "shippingMethod":{"id":"%s","name":"Standard","price":{"amount":"4.90","currency":"EUR"}},
                 "lines":[{"lineId":"%s","sku":"%s","productId":"%s","name":"Trail Runner","options":{},"taxCategory":"standard",
                   "quantity":%d,"unitPrice":{"amount":"10.00","currency":"EUR"},"lineTotal":{"amount":"%s","currency":"EUR"},
                   "discounts":[],"total":{"amount":"%s","currency":"EUR"},
                   "taxLines":[{"name":"VAT 19%%","ratePercent":"19","amount":{"amount":"1.60","currency":"EUR"}}]}],
                 "promotions":[],"codes":[],
                 "totals":{"subtotal":{"amount":"%s","currency":"EUR"},"discount":{"amount":"0.00","currency":"EUR"},
                   "shipping":{"amount":"4.90","currency":"EUR"},"tax":{"amount":"2.38","currency":"EUR"},
                   "taxBreakdown":[{"name":"VAT 19%%","ratePercent":"19","taxable":{"amount":"%s","currency":"EUR"},"tax":{"amount":"2.38","currency":"EUR"}}],
                   "grandTotal":{"amount":"%s","currency":"EUR"}},
                 "pricesIncludeTax":true,"taxCountry":"DE","frozenAt":"2026-12-02T10:15:30Z"}"""
                .formatted(cartId, customerId == null ? "" : "\"customerId\":\"" + customerId + "\",", email,
                        UUID.randomUUID(), UUID.randomUUID(), sku, UUID.randomUUID(), quantity, lineTotal, lineTotal,
                        lineTotal, grandTotal, grandTotal);
    }
}
