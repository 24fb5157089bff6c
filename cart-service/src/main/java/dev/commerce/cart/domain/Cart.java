package dev.commerce.cart.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * A shopper's cart. A guest cart has no customer and is reached through its unguessable id; a customer's cart is
 * visible to that customer only. Lines change only while the cart is OPEN; every change bumps the version.
 */
@Entity
@Table(name = "cart")
public class Cart {

    /**
     * OPEN carts take changes; CHECKING_OUT carts are frozen while an order is placed from them; an ORDERED cart
     * became an order and a MERGED guest cart moved into a customer's cart: both are read-only.
     */
    public enum Status { OPEN, CHECKING_OUT, ORDERED, MERGED }

    /** The width of the intervals the jobs find carts by (see {@link #activityBucketOf}). */
    public static final Duration ACTIVITY_BUCKET = Duration.ofMinutes(5);

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private String customerId;
    private String currency;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** The shopper's last change (catalog re-pricing is not the shopper's activity). */
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;
    /**
     * The start of the {@link #ACTIVITY_BUCKET} interval holding {@code lastActivityAt}: what the jobs' indexes hold
     * instead of the exact times, so most of the shopper's changes leave every indexed column as it was (migration V12).
     */
    @Column(name = "activity_bucket")
    private Instant activityBucket;
    private String email;
    @Column(name = "shipping_address")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Address shippingAddress;
    @Column(name = "billing_address")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Address billingAddress;
    @Column(name = "shipping_method_id")
    private UUID shippingMethodId;
    /** Sorted; replaced as a whole on every change, never changed in place (see {@link Mutability}). */
    @Column(name = "coupon_codes")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<String> couponCodes = List.of();
    private String locale;
    @Column(name = "checkout_order_id")
    private UUID checkoutOrderId;
    @Column(name = "checkout_deadline")
    private Instant checkoutDeadline;
    @Column(name = "checkout_snapshot")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private CheckoutSnapshot checkoutSnapshot;
    /** Written by the abandonment job alone (see CartRepository.markAbandoned); read here for the query. */
    @Column(name = "abandoned_at", insertable = false, updatable = false)
    private Instant abandonedAt;
    @Column(name = "merged_into")
    private UUID mergedInto;
    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("addedAt, id")
    private List<CartLine> lines = new ArrayList<>();

    protected Cart() {
        // for Hibernate
    }

    public Cart(String customerId, Currency currency, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.currency = Objects.requireNonNull(currency).getCurrencyCode();
        this.status = Status.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
        this.lastActivityAt = now;
        this.activityBucket = activityBucketOf(now);
    }

    /**
     * The interval of {@code lastActivityAt} a cart active at {@code at} is filed under. Activity before a moment
     * lies in its interval or an earlier one, which is how the jobs narrow their search.
     */
    public static Instant activityBucketOf(Instant at) {
        long width = ACTIVITY_BUCKET.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), width) * width);
    }

    /** Whether the caller may see this cart: anyone holding a guest cart's id, only the owner of a customer's cart. */
    public boolean visibleTo(String callerCustomerId) {
        return customerId == null || customerId.equals(callerCustomerId);
    }

    /**
     * Adds {@code quantity} units of the variant at its price in the cart's currency; the same SKU again adds to its
     * line. {@code maxPerLine} bounds a line's units, {@code maxLines} the cart's SKUs.
     */
    public CartLine addItem(SellableVariant variant, int quantity, CartLimits limits, Instant now) {
        requireEditable();
        SkuPrice price = sellablePrice(variant);
        Optional<CartLine> existing = line(variant.sku());
        int total = existing.map(CartLine::quantity).orElse(0) + quantity;
        limits.checkQuantity(total);
        CartLine line;
        if (existing.isPresent()) {
            line = existing.get();
            line.reprice(variant, price);
            line.setQuantity(total);
        } else {
            limits.checkLineCount(lines.size() + 1);
            line = new CartLine(this, variant, price, quantity, now);
            lines.add(line);
        }
        shopperChanged(now);
        return line;
    }

    public CartLine changeQuantity(UUID lineId, int quantity, CartLimits limits, Instant now) {
        requireEditable();
        limits.checkQuantity(quantity);
        CartLine line = requireLine(lineId);
        line.setQuantity(quantity);
        shopperChanged(now);
        return line;
    }

    public void removeLine(UUID lineId, Instant now) {
        requireEditable();
        lines.remove(requireLine(lineId));
        shopperChanged(now);
    }

    /**
     * Takes the catalog's new word on a variant into its line, if the cart holds it and is open; returns whether
     * the line changed (the version then moves, but the shopper's last activity does not).
     */
    public boolean repriceFrom(SellableVariant variant, Instant now) {
        Optional<CartLine> line = line(variant.sku());
        if (status != Status.OPEN || line.isEmpty()) {
            return false;
        }
        boolean changed = line.get().reprice(variant, variant.sellable() ? variant.priceIn(currency).orElse(null) : null);
        if (changed) {
            touch(now);
        }
        return changed;
    }

    /** A SKU the catalog no longer lists: its line stays, unavailable. */
    public boolean discontinue(String sku, Instant now) {
        Optional<CartLine> line = line(sku);
        if (status != Status.OPEN || line.isEmpty()) {
            return false;
        }
        boolean changed = line.get().discontinue();
        if (changed) {
            touch(now);
        }
        return changed;
    }

    /**
     * Sets the checkout details. A guest cart needs the email (the order's confirmation goes there); the billing
     * address defaults to the shipping address.
     */
    public void setAddresses(String email, Address shippingAddress, Address billingAddress, Instant now) {
        requireEditable();
        if (customerId == null && (email == null || email.isBlank())) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "email",
                    "a guest cart needs the shopper's email");
        }
        this.email = email;
        this.shippingAddress = shippingAddress;
        this.billingAddress = billingAddress == null ? shippingAddress : billingAddress;
        shopperChanged(now);
    }

    /** The shopper's language (BCP 47, e.g. de-DE) for the order's mails; null keeps the current one. */
    public void setLocale(String locale) {
        if (locale != null) {
            this.locale = locale;
        }
    }

    /**
     * Freezes the cart for the order being placed from it: no more edits until the order is placed (ORDERED) or the
     * deadline passes without it (the cart reopens).
     */
    public void startCheckout(UUID orderId, Instant deadline, CheckoutSnapshot snapshot, Instant now) {
        requireEditable();
        this.status = Status.CHECKING_OUT;
        this.checkoutOrderId = orderId;
        this.checkoutDeadline = deadline;
        this.checkoutSnapshot = snapshot;
        touch(now);
    }

    /** The hand-off of {@code orderId} already happened: its snapshot, for a retry of the same order. */
    public Optional<CheckoutSnapshot> handedOffFor(UUID orderId) {
        return orderId.equals(checkoutOrderId) && (status == Status.CHECKING_OUT || status == Status.ORDERED)
                ? Optional.ofNullable(checkoutSnapshot) : Optional.empty();
    }

    /** The order was placed: the cart is read-only from now on. */
    public boolean markOrdered(UUID orderId, Instant now) {
        if (status == Status.ORDERED || !orderId.equals(checkoutOrderId)) {
            return false;
        }
        status = Status.ORDERED;
        checkoutDeadline = null;
        touch(now);
        return true;
    }

    /** No order followed the hand-off in time: the cart takes changes again. Returns the order that did not happen. */
    public UUID reopenAfterMissedDeadline(Instant now) {
        if (status != Status.CHECKING_OUT) {
            throw notEditable();
        }
        UUID missed = checkoutOrderId;
        status = Status.OPEN;
        checkoutOrderId = null;
        checkoutDeadline = null;
        checkoutSnapshot = null;
        touch(now);
        return missed;
    }

    public void chooseShippingMethod(UUID methodId, Instant now) {
        requireEditable();
        this.shippingMethodId = methodId;
        shopperChanged(now);
    }

    /** The chosen method no longer applies (another country, weight or value band): the cart drops it. */
    public void clearShippingMethod(Instant now) {
        this.shippingMethodId = null;
        touch(now);
    }

    /**
     * Moves a guest cart's lines into this customer cart at sign-in: quantities add up to at most the per-line
     * limit; a line whose SKU is no longer for sale in this currency stays behind. The guest cart becomes MERGED
     * (read-only). Returns the SKUs left behind.
     */
    public List<String> mergeFrom(Cart guest, Function<String, Optional<SellableVariant>> catalog,
                                            CartLimits limits, Instant now) {
        requireEditable();
        if (guest.customerId != null) {
            throw new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "not-a-guest-cart", "Not a guest cart",
                    "only a guest cart can be merged into a customer's cart");
        }
        guest.requireEditable();
        if (!guest.currency.equals(currency)) {
            throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "currency-mismatch",
                    "Currency mismatch", "the guest cart is in " + guest.currency + ", this cart in " + currency)
                    .with("guestCurrency", guest.currency).with("currency", currency);
        }
        List<String> leftBehind = new ArrayList<>();
        for (CartLine line : guest.lines) {
            Optional<SellableVariant> variant = catalog.apply(line.sku())
                    .filter(candidate -> candidate.sellable() && candidate.priceIn(currency).isPresent());
            if (variant.isEmpty() || !line.available()) {
                leftBehind.add(line.sku());
                continue;
            }
            int room = limits.maxQuantityPerLine() - line(line.sku()).map(CartLine::quantity).orElse(0);
            if (room > 0) {
                addItem(variant.get(), Math.min(room, line.quantity()), limits, now);
            }
        }
        if (email == null) {
            email = guest.email;
        }
        guest.status = Status.MERGED;
        guest.mergedInto = id;
        guest.touch(now);
        shopperChanged(now);
        return List.copyOf(leftBehind);
    }

    /** The customer cart this guest cart was merged into, if it was. */
    public Optional<UUID> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    /** Adds a promotion code the caller checked exists and may be used; returns false when the cart has it already. */
    public boolean addCoupon(String code, int maxCoupons, Instant now) {
        requireEditable();
        if (couponCodes.contains(code)) {
            return false;
        }
        if (couponCodes.size() >= maxCoupons) {
            throw (CartRuleViolation) new CartRuleViolation(CartRuleViolation.Kind.CONFLICT, "coupon-limit", "Too many codes",
                    "a cart holds at most " + maxCoupons + " codes").with("maxCoupons", maxCoupons);
        }
        TreeSet<String> codes = new TreeSet<>(couponCodes);
        codes.add(code);
        couponCodes = List.copyOf(codes);
        shopperChanged(now);
        return true;
    }

    public void removeCoupon(String code, Instant now) {
        requireEditable();
        if (!couponCodes.contains(code)) {
            throw new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "unknown-coupon", "Unknown code",
                    "the cart does not hold the code " + code);
        }
        couponCodes = couponCodes.stream().filter(held -> !held.equals(code)).toList();
        shopperChanged(now);
    }

    /** The promotion codes on the cart, in alphabetical order. */
    public List<String> couponCodes() {
        return couponCodes == null ? List.of() : Collections.unmodifiableList(couponCodes);
    }

    /** Where the cart ships to, once it has a shipping address. */
    public Optional<String> destinationCountry() {
        return Optional.ofNullable(shippingAddress).map(Address::country);
    }

    /** Grams of the lines that can be bought (a SKU without a weight weighs nothing). */
    public long payableWeightGrams() {
        return lines.stream().filter(CartLine::available)
                .mapToLong(line -> (long) (line.weightGrams() == null ? 0 : line.weightGrams()) * line.quantity()).sum();
    }

    public Optional<CartLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    public CartLine requireLine(UUID lineId) {
        return lines.stream().filter(line -> line.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new CartRuleViolation(CartRuleViolation.Kind.UNPROCESSABLE, "unknown-line",
                        "Unknown line", "the cart has no line " + lineId));
    }

    public boolean editable() {
        return status == Status.OPEN;
    }

    private void requireEditable() {
        if (!editable()) {
            throw notEditable();
        }
    }

    private CartRuleViolation notEditable() {
        return CartRuleViolation.notEditable(this);
    }

    private SkuPrice sellablePrice(SellableVariant variant) {
        if (!variant.sellable()) {
            throw CartRuleViolation.notSellable(variant.sku(), "is not for sale (its product is archived or inactive)");
        }
        return variant.priceIn(currency).orElseThrow(() ->
                CartRuleViolation.notSellable(variant.sku(), "has no price in " + currency));
    }

    /** A change by the shopper: they have seen the cart, so price-change notes are cleared. */
    private void shopperChanged(Instant now) {
        lines.forEach(CartLine::acknowledgePrice);
        touch(now);
        lastActivityAt = updatedAt;
        activityBucket = activityBucketOf(lastActivityAt);
    }

    /** Moves updatedAt forward (by a microsecond if the clock has not moved), so every change dirties the row and bumps the version. */
    private void touch(Instant now) {
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1_000);
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public String email() {
        return email;
    }

    public Address shippingAddress() {
        return shippingAddress;
    }

    public Address billingAddress() {
        return billingAddress;
    }

    public String locale() {
        return locale;
    }

    public UUID checkoutOrderId() {
        return checkoutOrderId;
    }

    public Instant checkoutDeadline() {
        return checkoutDeadline;
    }

    public UUID shippingMethodId() {
        return shippingMethodId;
    }

    public List<CartLine> lines() {
        return List.copyOf(lines);
    }
}
