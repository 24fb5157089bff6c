package dev.commerce.cart.application;

import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.ShippingMethod;
import dev.commerce.cart.domain.pricing.Adjustments;
import dev.commerce.cart.domain.pricing.CartPricer;
import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.cart.domain.pricing.PricingLine;
import dev.commerce.cart.domain.pricing.TaxTable;
import dev.commerce.cart.domain.promotion.PromotionResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prices a cart from its lines, its shipping method, the destination's tax rates and the currency's tax setting.
 * Reads only look; {@link #afterChange} also drops a shipping method the change made ineligible, and says so.
 */
@ApplicationScoped
public class CartPricing {

    /** A shipping method the cart can use, with what it costs this cart. */
    public record Quote(ShippingMethod method, BigDecimal price) {
    }

    private final CartSettings settings;
    private final CartPromotions promotions;
    private final CartConfig config;
    private final Clock clock;

    public CartPricing(CartSettings settings, CartPromotions promotions, CartConfig config, Clock clock) {
        this.settings = settings;
        this.promotions = promotions;
        this.config = config;
        this.clock = clock;
    }

    /** The cart as it is (a method that no longer applies is shown as none, with a notice). */
    public CartView view(Cart cart) {
        return price(cart, false);
    }

    /** The cart after a change in this transaction: an ineligible shipping method is cleared from it. */
    public CartView afterChange(Cart cart) {
        return price(cart, true);
    }

    /** The methods that can ship this cart to its destination (the default country before it has an address). */
    public List<Quote> eligibleMethods(Cart cart) {
        return eligibleMethods(cart, goodsValue(cart, promotions.evaluate(cart)));
    }

    private List<Quote> eligibleMethods(Cart cart, BigDecimal goods) {
        return settings.current().methodsTo(country(cart)).stream()
                .flatMap(method -> method.quote(cart.currency(), cart.payableWeightGrams(), goods)
                        .map(price -> new Quote(method, price)).stream())
                .toList();
    }

    public String country(Cart cart) {
        return cart.destinationCountry().orElse(config.defaultCountry());
    }

    private CartView price(Cart cart, boolean clearIneligible) {
        TaxTable table = taxTable(cart);
        PromotionResult granted = promotions.evaluate(cart);
        Adjustments onGoods = discountsOnGoods(granted);
        List<CartView.Notice> notices = List.of();
        CartView.ShippingChoice choice = null;
        if (cart.shippingMethodId() != null) {
            Optional<Quote> quote = eligibleMethods(cart, goodsValue(cart, granted)).stream()
                    .filter(candidate -> candidate.method().id().equals(cart.shippingMethodId())).findFirst();
            if (quote.isPresent()) {
                choice = new CartView.ShippingChoice(quote.get().method().id(), quote.get().method().name(), quote.get().price());
            } else {
                notices = List.of(new CartView.Notice("shipping-method-cleared",
                        "the chosen shipping method does not ship this cart to " + country(cart) + " any more: choose another"));
                if (clearIneligible) {
                    cart.clearShippingMethod(Instant.now(clock));
                }
            }
        }
        BigDecimal shippingPrice = choice == null ? BigDecimal.ZERO : choice.price();
        BigDecimal shippingDiscount = granted.freeShipping() ? shippingPrice : BigDecimal.ZERO;
        PricedCart priced = CartPricer.price(cart.currency(), lines(cart),
                new Adjustments(onGoods.lineDiscounts(), onGoods.orderDiscount(), shippingDiscount),
                shippingPrice, config.shippingTaxCategory(), table);
        return new CartView(cart, priced, cart.destinationCountry().isEmpty(), choice, notices,
                withShippingAmounts(granted, shippingPrice));
    }

    private static Adjustments discountsOnGoods(PromotionResult granted) {
        return new Adjustments(granted.lineDiscounts(), granted.orderDiscount(), BigDecimal.ZERO);
    }

    /** A free-shipping promotion is worth what the shipping costs. */
    private static PromotionResult withShippingAmounts(PromotionResult granted, BigDecimal shippingPrice) {
        if (!granted.freeShipping()) {
            return granted;
        }
        return new PromotionResult(granted.lineDiscounts(), granted.orderDiscount(), granted.applied().stream()
                .map(applied -> applied.freeShipping() ? new PromotionResult.Applied(applied.promotionId(), applied.name(),
                        applied.code(), shippingPrice, true) : applied).toList(), granted.notApplied());
    }

    /** What the goods cost after discounts: the measure of value bands and free-shipping thresholds. */
    private static BigDecimal goodsValue(Cart cart, PromotionResult granted) {
        // the engine already capped every discount at what was left, so this is what the pricer's lines add up to
        BigDecimal payable = lines(cart).stream().filter(PricingLine::payable).map(PricingLine::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lineDiscounts = granted.lineDiscounts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return payable.subtract(lineDiscounts).subtract(granted.orderDiscount());
    }

    private static List<PricingLine> lines(Cart cart) {
        return cart.lines().stream()
                .map(line -> new PricingLine(line.id(), line.sku(), line.unitPrice(), line.quantity(), line.taxCategory(),
                        line.available()))
                .toList();
    }

    private TaxTable taxTable(Cart cart) {
        String country = country(cart);
        CartSettings.Snapshot current = settings.current();
        return new TaxTable(country, current.taxRules(country),
                current.pricesIncludeTax().getOrDefault(cart.currency(), config.pricesIncludeTax()));
    }
}
