package dev.commerce.cart.application;

import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLimits;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.SellableVariant;
import dev.commerce.cart.domain.StockLevel;
import dev.commerce.cart.persistence.SellableVariantRepository;
import dev.commerce.cart.persistence.StockLevelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The shopper's changes to a cart's lines. Each change locks the cart's row, so two tabs adding at once both keep
 * their lines; {@code precondition} sees the version under that lock (If-Match). Stock and prices come from the read
 * models: nothing here calls another service.
 */
@ApplicationScoped
@Transactional
public class CartItems {

    private final CartAccess access;
    private final SellableVariantRepository variants;
    private final StockLevelRepository stock;
    private final CartConfig config;
    private final Clock clock;

    public CartItems(CartAccess access, SellableVariantRepository variants, StockLevelRepository stock,
                     CartConfig config, Clock clock) {
        this.access = access;
        this.variants = variants;
        this.stock = stock;
        this.config = config;
        this.clock = clock;
    }

    /** Adds units of a SKU (to its line when the cart has one); returns the cart and the line. */
    public Change add(UUID cartId, Shopper shopper, LongConsumer precondition, String sku, int quantity) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        SellableVariant variant = variants.findByIdOptional(sku)
                .orElseThrow(() -> CartRuleViolation.notSellable(sku, "is not in the catalog"));
        boolean newLine = cart.line(sku).isEmpty();
        int total = cart.line(sku).map(CartLine::quantity).orElse(0) + quantity;
        requireStock(sku, total);
        CartLine line = cart.addItem(variant, quantity, limits(), now());
        return changed(cart, line.id(), newLine);
    }

    public Change changeQuantity(UUID cartId, Shopper shopper, LongConsumer precondition, UUID lineId, int quantity) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        CartLine line = cart.requireLine(lineId);
        if (quantity > line.quantity()) {
            requireStock(line.sku(), quantity);
        }
        cart.changeQuantity(lineId, quantity, limits(), now());
        return changed(cart, lineId, false);
    }

    public CartView remove(UUID cartId, Shopper shopper, LongConsumer precondition, UUID lineId) {
        Cart cart = access.lockedForChange(cartId, shopper, precondition);
        cart.removeLine(lineId, now());
        return changed(cart, null, false).view();
    }

    /** A changed cart, the line the change was about (null after a removal), and whether that line is new. */
    public record Change(CartView view, UUID lineId, boolean newLine) {
    }

    private Change changed(Cart cart, UUID lineId, boolean newLine) {
        return new Change(access.saveChange(cart), lineId, newLine);
    }


    /** A SKU inventory has never announced counts as out of stock. Backorderable SKUs sell beyond their stock. */
    private void requireStock(String sku, int quantity) {
        StockLevel level = stock.findByIdOptional(sku).orElse(null);
        if (level == null || !level.covers(quantity)) {
            throw CartRuleViolation.insufficientStock(sku, level == null ? 0 : level.available());
        }
    }

    private CartLimits limits() {
        return new CartLimits(config.maxQuantityPerLine(), config.maxLines());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
