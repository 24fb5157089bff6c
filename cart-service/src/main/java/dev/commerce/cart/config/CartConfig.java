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

    /**
     * How long a cart stays frozen after the checkout hand-off without {@code order-placed} before it reopens and
     * its promotion usages are released; it must outlast a broker outage, since order-placed travels via the outbox.
     */
    @WithDefault("PT15M")
    java.time.Duration checkoutDeadline();

    /** A cart with items and no shopper activity for this long is announced as abandoned, once per inactivity period. */
    @WithDefault("PT1H")
    java.time.Duration abandonedAfter();

    /** Guest carts without shopper activity for this long are deleted (privacy: they hold emails and addresses). */
    @WithDefault("P30D")
    java.time.Duration guestCartRetention();

    /** How often each instance looks for missed hand-off deadlines (read by its {@code @Scheduled}). */
    @WithDefault("5s")
    java.time.Duration checkoutDeadlineInterval();

    /** How often each instance looks for abandoned carts (read by its {@code @Scheduled}). */
    @WithDefault("30s")
    java.time.Duration abandonmentInterval();

    /** How often each instance deletes expired guest carts (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    java.time.Duration guestCleanupInterval();

    /** How long an instance prices carts with the settings it read (tax, shipping, automatic promotions). */
    @WithDefault("PT5S")
    java.time.Duration settingsTtl();

    /** For a currency without a tax setting: whether its prices include tax. */
    @WithDefault("true")
    boolean pricesIncludeTax();
}
