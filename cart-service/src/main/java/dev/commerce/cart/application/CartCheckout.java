package dev.commerce.cart.application;

import dev.commerce.cart.config.CartConfig;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.CartRuleViolation;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.CheckoutSnapshot;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.domain.SellableVariant;
import dev.commerce.cart.domain.StockLevel;
import dev.commerce.cart.domain.promotion.PromotionResult;
import dev.commerce.cart.messaging.CartEvents;
import dev.commerce.cart.persistence.CartRepository;
import dev.commerce.cart.persistence.PromotionRepository;
import dev.commerce.cart.persistence.SellableVariantRepository;
import dev.commerce.cart.persistence.StockLevelRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checkout hand-off (order-service's one synchronous call): validates the cart, redeems its promotions' usages
 * atomically, freezes it and returns its snapshot; idempotent per order id. Then the order's events decide: an
 * {@code order-placed} makes it ORDERED, an {@code order-cancelled} releases the usages, and no order-placed before
 * the deadline reopens it.
 */
@ApplicationScoped
@Transactional
public class CartCheckout {

    private static final Logger LOG = Logger.getLogger(CartCheckout.class);

    private final CartRepository carts;
    private final SellableVariantRepository variants;
    private final StockLevelRepository stock;
    private final PromotionRepository promotions;
    private final PromotionLimits limits;
    private final CartPricing pricing;
    private final CartEvents events;
    private final CartConfig config;
    private final Clock clock;

    public CartCheckout(CartRepository carts, SellableVariantRepository variants, StockLevelRepository stock,
                        PromotionRepository promotions, PromotionLimits limits, CartPricing pricing, CartEvents events,
                        CartConfig config, Clock clock) {
        this.carts = carts;
        this.variants = variants;
        this.stock = stock;
        this.promotions = promotions;
        this.limits = limits;
        this.pricing = pricing;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public CheckoutSnapshot handOff(UUID cartId, UUID orderId, String customerId) {
        Cart cart = carts.findForUpdate(cartId).orElseThrow(() -> ProblemException.notFound("cart", cartId));
        if (!Objects.equals(cart.customerId(), customerId)) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "cart-owner-mismatch", "Cart owner mismatch",
                    cart.customerId() == null ? "a guest cart is handed off without a customer"
                            : "the cart belongs to another customer");
        }
        Optional<CheckoutSnapshot> earlier = cart.handedOffFor(orderId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (cart.status() == Cart.Status.CHECKING_OUT) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "cart-checking-out", "Cart checking out",
                    "the cart is being turned into another order");
        }
        Instant now = Instant.now(clock);
        takeCatalogsWord(cart, now);
        CartView view = pricing.afterChange(cart);
        requireCheckoutReady(view);
        redeem(cart, view.promotions(), orderId, now);
        CheckoutSnapshot snapshot = CheckoutSnapshots.of(view, orderId, now);
        cart.startCheckout(orderId, now.plus(config.checkoutDeadline()), snapshot, now);
        carts.flush();
        events.updated(view);
        LOG.infof("Cart %s handed off for order %s", cartId, orderId);
        return snapshot;
    }

    /** {@code order-placed}: the cart became that order. */
    public void orderPlaced(UUID orderId, UUID cartId) {
        carts.findForUpdate(cartId).ifPresent(cart -> {
            if (cart.markOrdered(orderId, Instant.now(clock))) {
                carts.flush();
                events.updated(pricing.view(cart));
            } else if (cart.status() != Cart.Status.ORDERED) {
                LOG.warnf("order-placed for order %s names cart %s, which is not handed off to it (%s)", orderId, cartId, cart.status());
            }
        });
    }

    /** {@code order-cancelled}: the order's promotion usages count no more. */
    public void orderCancelled(UUID orderId) {
        promotions.releaseUsages(orderId, Instant.now(clock));
    }

    /** Reopens carts whose hand-off saw no order-placed in time (locked rows another instance holds are skipped). */
    public int reopenMissedCheckouts(int batch) {
        Instant now = Instant.now(clock);
        List<Cart> due = carts.checkoutsDueForUpdate(now, batch);
        for (Cart cart : due) {
            UUID missed = cart.reopenAfterMissedDeadline(now);
            promotions.releaseUsages(missed, now);
            carts.flush();
            events.updated(pricing.afterChange(cart));
            LOG.infof("Cart %s reopened: no order-placed for order %s before its deadline", cart.id(), missed);
        }
        return due.size();
    }

    /**
     * Prices every line from the read model as it is now, under the cart's lock. The catalog consumer re-prices the
     * open carts holding a SKU, but a line added while that consumer's transaction ran is not yet visible to its
     * query and keeps the price its request read; taking the read model's word here means the order never carries
     * such a price. A catalog change committed after this read finds the cart frozen and leaves it alone.
     */
    private void takeCatalogsWord(Cart cart, Instant now) {
        Map<String, SellableVariant> current = variants.bySkus(cart.lines().stream().map(CartLine::sku).toList()).stream()
                .collect(Collectors.toMap(SellableVariant::sku, Function.identity()));
        for (CartLine line : cart.lines()) {
            SellableVariant variant = current.get(line.sku());
            boolean changed = variant == null ? cart.discontinue(line.sku(), now) : cart.repriceFrom(variant, now);
            if (changed) {
                LOG.infof("Cart %s: line %s taken at the catalog's current word at hand-off", cart.id(), line.sku());
            }
        }
    }

    private void requireCheckoutReady(CartView view) {
        Cart cart = view.cart();
        if (cart.lines().isEmpty()) {
            throw new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "cart-empty", "Cart empty", "the cart has no lines");
        }
        List<String> unavailable = cart.lines().stream().filter(line -> !line.available()).map(CartLine::sku).toList();
        if (!unavailable.isEmpty()) {
            throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "unavailable-lines",
                    "Unavailable lines", "remove the lines no longer for sale: " + String.join(", ", unavailable))
                    .with("skus", unavailable);
        }
        Map<String, StockLevel> levels = stock.bySkus(cart.lines().stream().map(CartLine::sku).toList()).stream()
                .collect(Collectors.toMap(StockLevel::sku, Function.identity()));
        List<Map<String, Object>> short_ = new ArrayList<>();
        for (CartLine line : cart.lines()) {
            StockLevel level = levels.get(line.sku());
            if (level == null || !level.covers(line.quantity())) {
                short_.add(Map.of("sku", line.sku(), "requested", line.quantity(), "available", level == null ? 0 : level.available()));
            }
        }
        if (!short_.isEmpty()) {
            throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "insufficient-stock",
                    "Insufficient stock", "some lines ask for more than is available").with("lines", short_);
        }
        List<String> missing = new ArrayList<>();
        if (cart.email() == null) {
            missing.add("email");
        }
        if (cart.shippingAddress() == null) {
            missing.add("shippingAddress");
        }
        if (view.shipping() == null) {
            missing.add("shippingMethod");
        }
        if (!missing.isEmpty()) {
            throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "checkout-details-missing",
                    "Checkout details missing", "set " + String.join(", ", missing) + " first").with("missing", missing);
        }
        view.promotions().notApplied().stream().filter(not -> not.code() != null && "used-up".equals(not.reason())).findFirst()
                .ifPresent(usedUp -> {
                    throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "coupon-used-up",
                            "Used-up code", usedUp.code() + ": " + usedUp.message()).with("code", usedUp.code());
                });
    }

    /**
     * Records one usage per applied promotion. The promotions' rows are locked in id order first, and the limits
     * counted under those locks, so a code with one use left is redeemed once however many checkouts race for it.
     */
    private void redeem(Cart cart, PromotionResult granted, UUID orderId, Instant now) {
        Map<UUID, PromotionResult.Applied> applied = granted.applied().stream()
                .collect(Collectors.toMap(PromotionResult.Applied::promotionId, Function.identity()));
        String customerKey = PromotionLimits.customerKey(cart);
        for (Promotion promotion : promotions.lockInOrder(applied.keySet())) {
            PromotionResult.Applied use = applied.get(promotion.id());
            PromotionCode code = use.code() == null ? null : promotions.code(use.code()).orElse(null);
            limits.exhausted(promotion, code, customerKey).ifPresent(why -> {
                throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "coupon-used-up",
                        "Used-up promotion", (use.code() == null ? promotion.name() : use.code()) + ": " + why)
                        .with("code", use.code() == null ? "" : use.code());
            });
            promotions.recordUsage(promotion.id(), use.code(), orderId, cart.id(), customerKey, now);
        }
    }
}
