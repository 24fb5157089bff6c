package dev.commerce.cart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code commerce.cart.*}: how much a cart holds, and how it is taxed before the shopper gives an address. */
@ConfigMapping(prefix = "commerce.cart")
public interface CartConfig {

    /** Units one line may hold. */
    @WithDefault("99")
    int maxQuantityPerLine();

    /** Different SKUs one cart may hold. */
    @WithDefault("100")
    int maxLines();

    /** The country whose tax a cart shows before it has a shipping address (the cart then says taxEstimated). */
    @WithDefault("DE")
    String defaultCountry();

    /** The tax category shipping is taxed at. */
    @WithDefault("standard")
    String shippingTaxCategory();

    /** For a currency without a tax setting: whether its prices include tax. */
    @WithDefault("true")
    boolean pricesIncludeTax();
}
