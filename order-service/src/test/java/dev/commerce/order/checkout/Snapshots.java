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

    /**
     * Two lines: 3 x SKU-A for 20.00 after discounts (its units carry 6.66, 6.67 and 6.67) and 1 x SKU-B for 5.00,
     * 4.90 shipping: 29.90 in all, German VAT included.
     */
    static String twoLines(UUID cartId, String customerId, String email) {
        return """
                {"cartId":"%s","orderId":"{{orderId}}",%s"email":"%s","currency":"EUR",
                 "shippingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
                 "billingAddress":{"firstName":"Ada","lastName":"Lovelace","line1":"1 Main St","postalCode":"10115","city":"Berlin","country":"DE"},
                 "shippingMethod":{"id":"%s","name":"Standard","price":{"amount":"4.90","currency":"EUR"}},
                 "lines":[{"lineId":"%s","sku":"SKU-A","productId":"%s","name":"Socks","quantity":3,
                   "unitPrice":{"amount":"7.00","currency":"EUR"},"lineTotal":{"amount":"21.00","currency":"EUR"},
                   "discounts":[{"kind":"order-share","amount":{"amount":"1.00","currency":"EUR"}}],"total":{"amount":"20.00","currency":"EUR"},
                   "taxLines":[{"name":"VAT 19%%","ratePercent":"19","amount":{"amount":"3.19","currency":"EUR"}}]},
                  {"lineId":"%s","sku":"SKU-B","productId":"%s","name":"Cap","quantity":1,
                   "unitPrice":{"amount":"5.00","currency":"EUR"},"lineTotal":{"amount":"5.00","currency":"EUR"},
                   "discounts":[],"total":{"amount":"5.00","currency":"EUR"},
                   "taxLines":[{"name":"VAT 19%%","ratePercent":"19","amount":{"amount":"0.80","currency":"EUR"}}]}],
                 "promotions":[],"codes":[],
                 "totals":{"subtotal":{"amount":"26.00","currency":"EUR"},"discount":{"amount":"1.00","currency":"EUR"},
                   "shipping":{"amount":"4.90","currency":"EUR"},"tax":{"amount":"4.77","currency":"EUR"},
                   "taxBreakdown":[{"name":"VAT 19%%","ratePercent":"19","taxable":{"amount":"29.90","currency":"EUR"},"tax":{"amount":"4.77","currency":"EUR"}}],
                   "grandTotal":{"amount":"29.90","currency":"EUR"}},
                 "pricesIncludeTax":true,"taxCountry":"DE","frozenAt":"2026-12-02T10:15:30Z"}"""
                .formatted(cartId, customerId == null ? "" : "\"customerId\":\"" + customerId + "\",", email,
                        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }
}
