package dev.commerce.cart.application;

import dev.commerce.cart.domain.Address;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.CartView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/** The shopper's checkout details on a cart: email, addresses and the shipping method. */
@ApplicationScoped
@Transactional
public class CartCheckoutDetails {

    private final CartAccess access;
    private final CartPricing pricing;
    private final Clock clock;

    public CartCheckoutDetails(CartAccess access, CartPricing pricing, Clock clock) {
        this.access = access;
        this.pricing = pricing;
        this.clock = clock;
    }

    /** Sets email and addresses; a shipping method that does not ship to the new address is cleared, with a notice. */
    public CartView setAddresses(UUID cartId, Shopper shopper, LongConsumer precondition, String email, Address shipping,
                                 Address billing, String locale) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        cart.setLocale(locale);
        cart.setAddresses(email, shipping, billing, Instant.now(clock));
        return changed(cart);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Eligible eligibleMethods(UUID cartId, Shopper shopper) {
        Cart cart = access.visible(cartId, shopper);
        return new Eligible(pricing.country(cart), cart.destinationCountry().isEmpty(), cart.currency(),
                pricing.eligibleMethods(cart));
    }

    /** The methods that ship the cart, to {@code country} ({@code estimated}: the default one, no address yet). */
    public record Eligible(String country, boolean estimated, String currency, List<CartPricing.Quote> quotes) {
    }

    public CartView chooseShippingMethod(UUID cartId, Shopper shopper, LongConsumer precondition, UUID methodId) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        boolean eligible = pricing.eligibleMethods(cart).stream().anyMatch(quote -> quote.method().id().equals(methodId));
        if (!eligible) {
            throw new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "shipping-method-not-eligible",
                    "Shipping method not eligible", "methodId", "method " + methodId + " does not ship this cart to "
                    + pricing.country(cart) + ": GET /carts/" + cartId + "/shipping-methods lists those that do");
        }
        cart.chooseShippingMethod(methodId, Instant.now(clock));
        return changed(cart);
    }

    private CartView changed(Cart cart) {
        return access.saveChange(cart);
    }

}
