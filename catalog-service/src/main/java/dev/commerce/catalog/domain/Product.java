package dev.commerce.catalog.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a merchant sells: a named, described product with typed attributes, a tax category, categories, an ordered
 * gallery, related products, and variants (one SKU each) with their prices. Only ACTIVE products are visible to
 * shoppers; ARCHIVED ones stay for order history but are never sold again.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private ProductStatus status;
    @Column(name = "tax_category")
    private String taxCategory;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> attributes = new LinkedHashMap<>();
    @BatchSize(size = 50) // a page of products loads each collection in one query, not one per product
    @ElementCollection
    @CollectionTable(name = "product_category", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "category_id")
    private Set<UUID> categoryIds = new LinkedHashSet<>();
    @BatchSize(size = 50) // a page of products loads each collection in one query, not one per product
    @ElementCollection
    @CollectionTable(name = "product_media", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    private List<MediaItem> media = new ArrayList<>();
    @BatchSize(size = 50) // a page of products loads each collection in one query, not one per product
    @ElementCollection
    @CollectionTable(name = "product_related", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "related_id")
    private List<UUID> related = new ArrayList<>();
    @BatchSize(size = 50) // a page of products loads each collection in one query, not one per product
    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Variant> variants = new ArrayList<>();
    /** The product's content in the shop's other locales, keyed by BCP 47 tag. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, ProductTranslation> translations = new TreeMap<>();
    /** The translations' slugs, one row each, so the database keeps them unique per locale. */
    @ElementCollection
    @CollectionTable(name = "product_slug", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "locale")
    @Column(name = "slug")
    private Map<String, String> translatedSlugs = new HashMap<>();
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Product() {
        // for Hibernate
    }

    public Product(ProductDraft draft, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        apply(draft, now);
    }

    /**
     * Applies a full description. Variants are matched by SKU: a SKU kept keeps its variant id, a SKU left out is
     * removed, a new SKU is a new variant. Archived products are not edited (archive is the end of their life).
     */
    public void apply(ProductDraft draft, Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new CatalogRuleViolation("product-archived", "product " + id + " is archived and cannot change");
        }
        if (draft.related().contains(id)) {
            throw new CatalogRuleViolation("self-related", "a product cannot be related to itself");
        }
        slug = draft.slug();
        name = draft.name();
        description = draft.description();
        status = draft.status();
        taxCategory = draft.taxCategory();
        attributes = new LinkedHashMap<>(draft.attributes());
        translations = new TreeMap<>(draft.translations());
        translatedSlugs.clear();
        translatedSlugs.putAll(ShopLocales.slugsOf(translations, ProductTranslation::slug));
        categoryIds.clear();
        categoryIds.addAll(draft.categoryIds());
        media.clear();
        media.addAll(draft.media());
        related.clear();
        related.addAll(draft.related());
        Map<String, Variant> bySku = variants.stream().collect(Collectors.toMap(Variant::sku, Function.identity()));
        List<Variant> next = new ArrayList<>();
        int position = 0;
        for (ProductDraft.VariantDraft variantDraft : draft.variants()) {
            Variant variant = bySku.containsKey(variantDraft.sku()) ? bySku.get(variantDraft.sku()) : new Variant(this, variantDraft.sku());
            variant.change(variantDraft.options(), variantDraft.weightGrams(), variantDraft.active(), position++);
            variant.setPrices(variantDraft.prices());
            next.add(variant);
        }
        variants.retainAll(next);
        next.stream().filter(variant -> !variants.contains(variant)).forEach(variants::add);
        variants.sort(java.util.Comparator.comparingInt(Variant::position));
        updatedAt = now;
    }

    /** Replaces one variant's prices. */
    public void setPrices(UUID variantId, List<VariantPrice> prices, Instant now) {
        if (status == ProductStatus.ARCHIVED) {
            throw new CatalogRuleViolation("product-archived", "product " + id + " is archived and cannot change");
        }
        variant(variantId).orElseThrow(() -> new CatalogRuleViolation("unknown-variant", "product " + id
                + " has no variant " + variantId)).setPrices(prices);
        updatedAt = now;
    }

    public void archive(Instant now) {
        status = ProductStatus.ARCHIVED;
        updatedAt = now;
    }

    public boolean visibleToShoppers() {
        return status == ProductStatus.ACTIVE;
    }

    /** The listed price in a currency: the lowest price of an active variant in it; empty when none has one. */
    public Optional<BigDecimal> listedPrice(String currency) {
        return Variant.lowest(variants.stream().filter(Variant::active)
                .flatMap(variant -> variant.priceIn(currency).stream()).toList());
    }

    public Optional<Variant> variant(UUID variantId) {
        return variants.stream().filter(variant -> variant.id().equals(variantId)).findFirst();
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The translations by locale; the top-level content is the shop's default locale. */
    public Map<String, ProductTranslation> translations() {
        return Collections.unmodifiableMap(translations);
    }

    public ProductStatus status() {
        return status;
    }

    public String taxCategory() {
        return taxCategory;
    }

    public Map<String, Object> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<UUID> categoryIds() {
        return List.copyOf(categoryIds);
    }

    public List<MediaItem> media() {
        return List.copyOf(media);
    }

    public List<UUID> related() {
        return List.copyOf(related);
    }

    public List<Variant> variants() {
        return List.copyOf(variants);
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
}
