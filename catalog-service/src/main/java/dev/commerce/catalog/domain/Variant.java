package dev.commerce.catalog.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A sellable version of a product: one SKU with its option values (size, colour), weight and prices. */
@Entity
@Table(name = "variant")
public class Variant {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    private Product product;
    private String sku;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> options = new LinkedHashMap<>();
    @Column(name = "weight_grams")
    private Integer weightGrams;
    private boolean active;
    private int position;
    @BatchSize(size = 150) // the prices of a page's variants come in one query
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "variant_price", joinColumns = @JoinColumn(name = "variant_id"))
    private List<VariantPrice> prices = new ArrayList<>();

    protected Variant() {
        // for Hibernate
    }

    Variant(Product product, String sku) {
        this.id = UUID.randomUUID();
        this.product = product;
        this.sku = sku;
    }

    void change(Map<String, String> newOptions, Integer newWeightGrams, boolean nowActive, int newPosition) {
        options = new LinkedHashMap<>(newOptions);
        weightGrams = newWeightGrams;
        active = nowActive;
        position = newPosition;
    }

    /** Replaces the prices; one per currency, each with a compare-at price above it when set. */
    public void setPrices(List<VariantPrice> newPrices) {
        prices.clear();
        prices.addAll(newPrices);
    }

    public Optional<VariantPrice> priceIn(String currency) {
        return prices.stream().filter(price -> price.currency().equals(currency)).findFirst();
    }

    /** The lowest of the given prices, for a product's listed price. */
    static Optional<BigDecimal> lowest(List<VariantPrice> candidates) {
        return candidates.stream().map(VariantPrice::amount).min(BigDecimal::compareTo);
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public Map<String, String> options() {
        return Map.copyOf(options);
    }

    public Integer weightGrams() {
        return weightGrams;
    }

    public boolean active() {
        return active;
    }

    public int position() {
        return position;
    }

    public List<VariantPrice> prices() {
        return List.copyOf(prices);
    }
}
