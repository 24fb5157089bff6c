package dev.commerce.cart.application;

import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.SellableVariant;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.cart.persistence.SellableVariantRepository;
import dev.commerce.platform.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps the sellable-variant read model from catalog events and carries each change into the open carts holding
 * the SKUs: a new price re-prices their lines (which then show the previous price), a withdrawn variant makes its
 * lines unavailable. An event older than the one applied for its product (by sequence) is ignored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CatalogUpdates {

    /** The inbox consumer whose per-product positions guard this read model. */
    public static final String CONSUMER = "cart-service.catalog";

    private final Inbox inbox;
    private final SellableVariantRepository variants;
    private final CartRepository carts;
    private final CartPricing pricing;
    private final CartEvents events;
    private final Clock clock;

    public CatalogUpdates(Inbox inbox, SellableVariantRepository variants, CartRepository carts, CartPricing pricing,
                          CartEvents events, Clock clock) {
        this.inbox = inbox;
        this.variants = variants;
        this.carts = carts;
        this.pricing = pricing;
        this.events = events;
        this.clock = clock;
    }

    /** Applies the whole current product; false when the event is older than what the read model holds. */
    public boolean productUpserted(CatalogProduct product, long sequence) {
        if (!inbox.advance(CONSUMER, product.productId().toString(), sequence)) {
            return false;
        }
        Instant now = Instant.now(clock);
        Map<String, SellableVariant> known = variants.ofProduct(product.productId()).stream()
                .collect(Collectors.toMap(SellableVariant::sku, Function.identity()));
        Set<String> listed = new HashSet<>();
        for (CatalogProduct.Variant variant : product.variants()) {
            listed.add(variant.sku());
            SellableVariant sellable = known.get(variant.sku());
            if (sellable == null) {
                sellable = variants.findByIdOptional(variant.sku()).orElse(null); // a SKU moved between products
            }
            boolean isNew = sellable == null;
            if (isNew) {
                sellable = new SellableVariant(variant.sku());
            }
            sellable.update(product.productId(), variant.variantId(), product.name(), variant.options(),
                    product.imageUrl(), product.taxCategory(), variant.weightGrams(), product.categoryIds(),
                    variant.prices(), product.active() && variant.active(), now);
            if (isNew) {
                variants.persist(sellable);
            }
        }
        known.values().stream().filter(variant -> !listed.contains(variant.sku())).forEach(gone -> gone.withdraw(now));
        variants.flush();
        Set<String> touched = new HashSet<>(listed);
        touched.addAll(known.keySet());
        carryIntoOpenCarts(touched, now);
        return true;
    }

    /** The product is no longer sold: its SKUs are withdrawn and their lines become unavailable. */
    public boolean productArchived(UUID productId, List<String> skus, long sequence) {
        if (!inbox.advance(CONSUMER, productId.toString(), sequence)) {
            return false;
        }
        Instant now = Instant.now(clock);
        variants.bySkus(skus).forEach(variant -> variant.withdraw(now));
        variants.flush();
        carryIntoOpenCarts(skus, now);
        return true;
    }

    private void carryIntoOpenCarts(Collection<String> skus, Instant now) {
        Map<String, SellableVariant> bySku = variants.bySkus(skus).stream()
                .collect(Collectors.toMap(SellableVariant::sku, Function.identity()));
        for (Cart cart : carts.openCartsHoldingForUpdate(skus)) {
            boolean changed = false;
            for (String sku : skus) {
                SellableVariant variant = bySku.get(sku);
                changed |= variant == null ? cart.discontinue(sku, now) : cart.repriceFrom(variant, now);
            }
            if (changed) {
                var view = pricing.afterChange(cart);
                carts.flush();
                events.updated(view);
            }
        }
    }
}
