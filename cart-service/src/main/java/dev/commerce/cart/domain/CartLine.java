package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One SKU in a cart with a snapshot of what the catalog said when it was added or last re-priced: name, options,
 * image, unit price, tax category, categories. After a price change the line shows the price it had before
 * ({@code previousUnitPrice}) until the shopper next changes the cart. JSON values (options, categories) are
 * replaced whole, never changed in place: {@code @Mutability(Immutability.class)} spares Hibernate a JSON round trip
 * per value to snapshot them on every load.
 */
@Entity
@Table(name = "cart_line")
public class CartLine {

    /** Why a line cannot be bought now; it stays in the cart, excluded from the totals. */
    public enum Unavailable { DISCONTINUED, NO_PRICE }

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id")
    private Cart cart;
    private String sku;
    @Column(name = "product_id")
    private UUID productId;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Map<String, String> options = new LinkedHashMap<>();
    @Column(name = "image_url")
    private String imageUrl;
    private int quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;
    @Column(name = "compare_at_price")
    private BigDecimal compareAtPrice;
    @Column(name = "previous_unit_price")
    private BigDecimal previousUnitPrice;
    @Column(name = "tax_category")
    private String taxCategory;
    @Column(name = "weight_grams")
    private Integer weightGrams;
    @Column(name = "category_ids")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private java.util.List<UUID> categoryIds = java.util.List.of();
    private boolean available;
    @Column(name = "unavailable_reason")
    private String unavailableReason;
    @Column(name = "added_at")
    private Instant addedAt;

    protected CartLine() {
        // for Hibernate
    }

    CartLine(Cart cart, SellableVariant variant, SkuPrice price, int quantity, Instant now) {
        this.id = UUID.randomUUID();
        this.cart = cart;
        this.sku = variant.sku();
        this.quantity = quantity;
        this.addedAt = now;
        takeSnapshot(variant, price);
    }

    /**
     * Takes the catalog's current word on the variant; returns whether anything the shopper sees changed. A new
     * price keeps the old one as {@code previousUnitPrice}; a variant that is no longer sold, or has no price in the
     * cart's currency, makes the line unavailable.
     */
    boolean reprice(SellableVariant variant, SkuPrice price) {
        boolean wasAvailable = available;
        BigDecimal before = unitPrice;
        String reasonBefore = unavailableReason;
        if (!variant.sellable() || price == null) {
            available = false;
            unavailableReason = (!variant.sellable() ? Unavailable.DISCONTINUED : Unavailable.NO_PRICE).name();
            return wasAvailable || !unavailableReason.equals(reasonBefore);
        }
        boolean priceChanged = before.compareTo(price.amount()) != 0;
        if (priceChanged) {
            previousUnitPrice = previousUnitPrice == null ? before : previousUnitPrice;
            if (previousUnitPrice.compareTo(price.amount()) == 0) {
                previousUnitPrice = null; // back where the shopper last saw it
            }
        }
        takeSnapshot(variant, price);
        return priceChanged || !wasAvailable;
    }

    /** The variant was withdrawn from the catalog. */
    boolean discontinue() {
        boolean changed = available || !Unavailable.DISCONTINUED.name().equals(unavailableReason);
        available = false;
        unavailableReason = Unavailable.DISCONTINUED.name();
        return changed;
    }

    private void takeSnapshot(SellableVariant variant, SkuPrice price) {
        this.productId = variant.productId();
        this.name = variant.productName();
        this.options = new LinkedHashMap<>(variant.options());
        this.imageUrl = variant.imageUrl();
        this.unitPrice = price.amount();
        this.compareAtPrice = price.compareAtAmount();
        this.taxCategory = variant.taxCategory();
        this.weightGrams = variant.weightGrams();
        this.categoryIds = java.util.List.copyOf(variant.categoryIds());
        this.available = true;
        this.unavailableReason = null;
    }

    void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    /** The shopper has seen the cart since the price changed. */
    void acknowledgePrice() {
        previousUnitPrice = null;
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public UUID productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public Map<String, String> options() {
        return Map.copyOf(options);
    }

    public String imageUrl() {
        return imageUrl;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal compareAtPrice() {
        return compareAtPrice;
    }

    public BigDecimal previousUnitPrice() {
        return previousUnitPrice;
    }

    public String taxCategory() {
        return taxCategory;
    }

    public Integer weightGrams() {
        return weightGrams;
    }

    /** The categories of the line's product when it was added or last re-priced. */
    public java.util.List<UUID> categoryIds() {
        return categoryIds == null ? java.util.List.of() : java.util.Collections.unmodifiableList(categoryIds);
    }

    public boolean available() {
        return available;
    }

    /** Why the line cannot be bought now, or null. */
    public String unavailableReason() {
        return unavailableReason;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
