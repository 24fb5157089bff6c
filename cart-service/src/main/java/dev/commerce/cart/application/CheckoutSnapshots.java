package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.CheckoutSnapshot;
import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.platform.domain.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes a priced cart as its checkout snapshot. */
final class CheckoutSnapshots {

    private CheckoutSnapshots() {
    }

    static CheckoutSnapshot of(CartView view, UUID orderId, Instant now) {
        Cart cart = view.cart();
        String currency = cart.currency();
        PricedCart priced = view.priced();
        List<CheckoutSnapshot.Line> lines = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            PricedCart.Line amounts = priced.line(line.id());
            BigDecimal own = view.promotions().lineDiscounts().getOrDefault(line.id(), BigDecimal.ZERO);
            BigDecimal share = amounts.discount().subtract(own);
            List<CheckoutSnapshot.Discount> discounts = new ArrayList<>();
            if (own.signum() > 0) {
                discounts.add(new CheckoutSnapshot.Discount("line", money(own, currency)));
            }
            if (share.signum() > 0) {
                discounts.add(new CheckoutSnapshot.Discount("order-share", money(share, currency)));
            }
            List<CheckoutSnapshot.TaxLine> taxLines = amounts.tax().signum() == 0 ? List.of() : List.of(new CheckoutSnapshot.TaxLine(
                    amounts.taxRule().name(), amounts.taxRule().ratePercent(), money(amounts.tax(), currency)));
            lines.add(new CheckoutSnapshot.Line(line.id(), line.sku(), line.productId(), line.name(), line.options(),
                    line.imageUrl(), line.taxCategory(), line.weightGrams(), line.quantity(), money(line.unitPrice(), currency),
                    money(amounts.lineTotal(), currency), discounts, money(amounts.total(), currency), taxLines));
        }
        PricedCart.Totals totals = priced.totals();
        return new CheckoutSnapshot(cart.id(), orderId, cart.customerId(), cart.email(), cart.locale(), currency,
                cart.shippingAddress(), cart.billingAddress(),
                new CheckoutSnapshot.ShippingMethod(view.shipping().methodId(), view.shipping().name(),
                        money(view.shipping().price(), currency), money(priced.shippingDiscount(), currency)),
                lines,
                view.promotions().applied().stream().map(applied -> new CheckoutSnapshot.AppliedPromotion(applied.promotionId(),
                        applied.name(), applied.code(), money(applied.amount(), currency), applied.freeShipping())).toList(),
                cart.couponCodes(),
                new CheckoutSnapshot.Totals(money(totals.subtotal(), currency), money(totals.discount(), currency),
                        money(totals.shipping(), currency), money(totals.tax(), currency),
                        priced.taxBreakdown().stream().map(tax -> new CheckoutSnapshot.TaxAmount(tax.name(), tax.ratePercent(),
                                money(tax.taxable(), currency), money(tax.tax(), currency))).toList(),
                        money(totals.grandTotal(), currency)),
                priced.pricesIncludeTax(), priced.taxCountry(), now);
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }
}
