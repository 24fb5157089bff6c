package dev.commerce.cart.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.platform.domain.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Cart", description = "A cart with every amount worked out (see the README's totals rules)")
public record CartResponse(
        @Schema(description = "Unguessable id: for a guest cart, whoever holds it may use it") UUID id,
        @Schema(examples = "6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c", description = "Owner (the token's sub); absent for a guest cart") String customerId,
        @Schema(examples = "EUR") String currency, Cart.Status status,
        @Schema(examples = "12", description = "Moves on every change; also the ETag") long version,
        List<Line> lines, Totals totals,
        @Schema(examples = "ada@example.com", description = "Where the order confirmation goes; required for guest checkouts") String email,
        AddressBody shippingAddress, AddressBody billingAddress,
        @Schema(description = "The chosen shipping method and its price for this cart; null until one is chosen")
        ShippingMethodChoice shippingMethod,
        @Schema(description = "What the last change did on its own, e.g. shipping-method-cleared") List<Notice> notices,
        @Schema(description = "Promotions applied, in priority order, with what each takes off") List<AppliedPromotion> promotions,
        @Schema(description = "The cart's codes: applied, or why not (yet)") List<Coupon> coupons,
        @Schema(description = "Tax shown is that of taxCountry, the deployment's default, until a shipping address is set")
        boolean taxEstimated,
        @Schema(description = "Destination country of the tax shown", examples = "DE") String taxCountry,
        @Schema(description = "Whether unit prices include tax (gross) or tax is added on top (net)") boolean pricesIncludeTax,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "The shopper's last change") Instant lastActivityAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CartLine")
    public record Line(UUID id, @Schema(examples = "TR-42-BLU") String sku, UUID productId, @Schema(examples = "Trail Runner") String name, @Schema(examples = "{\"size\":\"42\",\"colour\":\"blue\"}") Map<String, String> options, @Schema(examples = "https://cdn.example.com/trail-runner.jpg") String imageUrl,
                       @Schema(examples = "2") int quantity, Money unitPrice,
                       @Schema(description = "Struck-through \"was\" price from the catalog") Money compareAtPrice,
                       @Schema(description = "The unit price before the catalog changed it, until the shopper next changes the cart")
                       Money previousUnitPrice,
                       @Schema(description = "unitPrice x quantity") Money lineTotal,
                       @Schema(description = "What promotions take off this line (its own and its share of order discounts)")
                       Money discount,
                       @Schema(description = "What the shopper pays for the line (tax included when prices are gross)") Money total,
                       Money tax, @Schema(examples = "standard") String taxCategory,
                       @Schema(description = "False when the line cannot be bought now; it is excluded from the totals")
                       boolean available,
                       @Schema(description = "Why the line is unavailable", enumeration = {"DISCONTINUED", "NO_PRICE"})
                       String unavailableReason) {
    }

    @Schema(name = "CartShippingMethod")
    public record ShippingMethodChoice(UUID id, @Schema(examples = "Standard") String name, Money price) {
    }

    @Schema(name = "CartAppliedPromotion")
    public record AppliedPromotion(UUID promotionId, @Schema(examples = "10% off your first order") String name, @Schema(examples = "WELCOME10", description = "The code that unlocked it; absent for automatic ones")
                                   String code, Money amount, boolean freeShipping) {
    }

    @Schema(name = "CartCouponStatus")
    public record Coupon(@Schema(examples = "WELCOME10") String code, boolean applied,
                         @Schema(description = "Why it does not apply", examples = "min-subtotal") String reason,
                         @Schema(examples = "add 12.00 EUR more") String message) {
    }

    @Schema(name = "CartNotice")
    public record Notice(@Schema(description = "Stable code apps translate", examples = "shipping-method-cleared") String code,
                         @Schema(examples = "The shipping method no longer ships to the new address and was removed") String message) {
    }

    @Schema(name = "CartTaxAmount")
    public record TaxAmount(@Schema(examples = "VAT 19%") String name, @Schema(description = "Rate in percent", examples = "19") String ratePercent,
                            @Schema(description = "Amount the tax was computed on") Money taxable, Money tax) {
    }

    @Schema(name = "CartTotals")
    public record Totals(Money subtotal, Money discount, Money shipping, Money tax,
                         @Schema(description = "One entry per tax rate") List<TaxAmount> taxBreakdown, Money grandTotal) {
    }

    static CartResponse of(CartView view) {
        Cart cart = view.cart();
        PricedCart priced = view.priced();
        String currency = cart.currency();
        List<Line> lines = cart.lines().stream().map(line -> line(line, priced.line(line.id()), currency)).toList();
        PricedCart.Totals totals = priced.totals();
        return new CartResponse(cart.id(), cart.customerId(), currency, cart.status(), cart.version(), lines,
                new Totals(money(totals.subtotal(), currency), money(totals.discount(), currency),
                        money(totals.shipping(), currency), money(totals.tax(), currency),
                        priced.taxBreakdown().stream().map(tax -> new TaxAmount(tax.name(), tax.ratePercent(),
                                money(tax.taxable(), currency), money(tax.tax(), currency))).toList(),
                        money(totals.grandTotal(), currency)),
                cart.email(), AddressBody.of(cart.shippingAddress()), AddressBody.of(cart.billingAddress()),
                view.shipping() == null ? null : new ShippingMethodChoice(view.shipping().methodId(), view.shipping().name(),
                        money(view.shipping().price(), currency)),
                view.notices().stream().map(notice -> new Notice(notice.code(), notice.message())).toList(),
                view.promotions().applied().stream().map(applied -> new AppliedPromotion(applied.promotionId(), applied.name(),
                        applied.code(), money(applied.amount(), currency), applied.freeShipping())).toList(),
                coupons(view),
                view.taxEstimated(), priced.taxCountry(), priced.pricesIncludeTax(), cart.createdAt(), cart.updatedAt(),
                cart.lastActivityAt());
    }

    private static Line line(CartLine line, PricedCart.Line priced, String currency) {
        return new Line(line.id(), line.sku(), line.productId(), line.name(), line.options(), line.imageUrl(),
                line.quantity(), money(line.unitPrice(), currency), money(line.compareAtPrice(), currency),
                money(line.previousUnitPrice(), currency), money(priced.lineTotal(), currency),
                money(priced.discount(), currency), money(priced.total(), currency), money(priced.tax(), currency),
                line.taxCategory(), line.available(), line.unavailableReason());
    }

    private static List<Coupon> coupons(CartView view) {
        return view.cart().couponCodes().stream().map(code -> view.promotions().applied().stream()
                        .filter(applied -> code.equals(applied.code())).findFirst()
                        .map(applied -> new Coupon(code, true, null, null))
                        .orElseGet(() -> view.promotions().notApplied().stream().filter(not -> code.equals(not.code())).findFirst()
                                .map(not -> new Coupon(code, false, not.reason(), not.message()))
                                .orElse(new Coupon(code, false, "invalid", "the code is no longer valid"))))
                .toList();
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, currency);
    }
}
