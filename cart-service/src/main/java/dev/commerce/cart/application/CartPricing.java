package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.TaxRate;
import dev.commerce.cart.domain.TaxSetting;
import dev.commerce.cart.domain.pricing.Adjustments;
import dev.commerce.cart.domain.pricing.CartPricer;
import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.cart.domain.pricing.PricingLine;
import dev.commerce.cart.domain.pricing.TaxTable;
import dev.commerce.cart.persistence.TaxRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prices a cart from its lines, the destination's tax rates and the currency's tax setting. */
@ApplicationScoped
public class CartPricing {

    private final TaxRepository taxes;
    private final CartConfig config;

    public CartPricing(TaxRepository taxes, CartConfig config) {
        this.taxes = taxes;
        this.config = config;
    }

    public CartView view(Cart cart) {
        String country = config.defaultCountry();
        boolean estimated = true;
        List<PricingLine> lines = cart.lines().stream()
                .map(line -> new PricingLine(line.id(), line.sku(), line.unitPrice(), line.quantity(), line.taxCategory(),
                        line.available()))
                .toList();
        PricedCart priced = CartPricer.price(cart.currency(), lines, Adjustments.NONE, BigDecimal.ZERO,
                config.shippingTaxCategory(), taxTable(country, cart.currency()));
        return new CartView(cart, priced, estimated);
    }

    private TaxTable taxTable(String country, String currency) {
        Map<String, dev.commerce.cart.domain.pricing.TaxRule> rules = taxes.ofCountry(country).stream()
                .collect(Collectors.toMap(TaxRate::taxCategory, TaxRate::rule));
        boolean gross = taxes.settingOf(currency).map(TaxSetting::pricesIncludeTax).orElse(config.pricesIncludeTax());
        return new TaxTable(country, rules, gross);
    }
}
