package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A variant as catalog-service last published it, kept so that adding to a cart never calls the catalog. It is
 * {@code sellable} while its product is ACTIVE and the variant active. Its JSON values are replaced whole, never
 * changed in place (hence {@code @Mutability(Immutability.class)}: no JSON copy to snapshot them on load).
 */
@Entity
@Table(name = "sellable_variant")
public class SellableVariant {

    @Id
    private String sku;
    @Column(name = "product_id")
    private UUID productId;
    @Column(name = "variant_id")
    private UUID variantId;
    @Column(name = "product_name")
    private String productName;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Map<String, String> options = new LinkedHashMap<>();
    @Column(name = "image_url")
    private String imageUrl;
    @Column(name = "tax_category")
    private String taxCategory;
    @Column(name = "weight_grams")
    private Integer weightGrams;
    @Column(name = "category_ids")
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<UUID> categoryIds = List.of();
    /** Prices by ISO currency code. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Map<String, SkuPrice> prices = new LinkedHashMap<>();
    private boolean sellable;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected SellableVariant() {
        // for Hibernate
    }

    public SellableVariant(String sku) {
        this.sku = sku;
    }

    /** Takes what the catalog says of the variant now. */
    public void update(UUID productId, UUID variantId, String productName, Map<String, String> options, String imageUrl,
                       String taxCategory, Integer weightGrams, List<UUID> categoryIds, Map<String, SkuPrice> prices,
                       boolean sellable, Instant now) {
        this.productId = productId;
        this.variantId = variantId;
        this.productName = productName;
        this.options = new LinkedHashMap<>(options == null ? Map.of() : options);
        this.imageUrl = imageUrl;
        this.taxCategory = taxCategory;
        this.weightGrams = weightGrams;
        this.categoryIds = List.copyOf(categoryIds == null ? List.of() : categoryIds);
        this.prices = new LinkedHashMap<>(prices);
        this.sellable = sellable;
        this.updatedAt = now;
    }

    /** The product left the catalog (archived) or no longer lists this variant. */
    public void withdraw(Instant now) {
        this.sellable = false;
        this.updatedAt = now;
    }

    public Optional<SkuPrice> priceIn(String currency) {
        return Optional.ofNullable(prices.get(currency));
    }

    public String sku() {
        return sku;
    }

    public UUID productId() {
        return productId;
    }

    public UUID variantId() {
        return variantId;
    }

    public String productName() {
        return productName;
    }

    public Map<String, String> options() {
        return Map.copyOf(options);
    }

    public String imageUrl() {
        return imageUrl;
    }

    public String taxCategory() {
        return taxCategory;
    }

    public Integer weightGrams() {
        return weightGrams;
    }

    public List<UUID> categoryIds() {
        return Collections.unmodifiableList(categoryIds);
    }

    public boolean sellable() {
        return sellable;
    }
}
