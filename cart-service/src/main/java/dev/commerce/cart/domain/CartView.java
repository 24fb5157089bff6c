package dev.commerce.cart.domain;

import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.cart.domain.promotion.PromotionResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A cart with its amounts worked out, as the API shows it and {@code cart-updated} carries it. {@code taxEstimated}
 * says the tax is that of the deployment's default country because the cart has no shipping address yet;
 * {@code shipping} is the chosen method with its price (null when none is chosen or it no longer applies);
 * {@code notices} tell the shopper what the last change did on its own (a shipping method it dropped);
 * {@code promotions} says which promotions applied with their amounts, and why the cart's codes that did not.
 */
public record CartView(Cart cart, PricedCart priced, boolean taxEstimated, ShippingChoice shipping, List<Notice> notices,
                       PromotionResult promotions) {

    /** A copy with one more notice. */
    public CartView withNotice(Notice notice) {
        List<Notice> all = new java.util.ArrayList<>(notices);
        all.add(notice);
        return new CartView(cart, priced, taxEstimated, shipping, all, promotions);
    }

    /** The chosen shipping method and what it costs this cart. */
    public record ShippingChoice(UUID methodId, String name, BigDecimal price) {
    }

    /** Something the shopper should be told, with a stable code apps can translate. */
    public record Notice(String code, String message) {
    }
}
