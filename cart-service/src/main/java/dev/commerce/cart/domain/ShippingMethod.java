package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A way to ship to one zone, priced by weight bands or by order value bands per currency, free when the goods
 * cost at least the currency's {@code freeAbove} threshold. A cart it has no band for cannot use it.
 */
@Entity
@Table(name = "shipping_method")
public class ShippingMethod {

    /** What the bands measure: the cart's weight in grams, or the goods' value after discounts. */
    public enum Basis { WEIGHT, ORDER_VALUE }

    @Id
    private UUID id;
    @Column(name = "zone_id")
    private UUID zoneId;
    private String name;
    @Enumerated(EnumType.STRING)
    private Basis basis;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<RateBand> bands = List.of();
    @Column(name = "free_above")
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, BigDecimal> freeAbove = new LinkedHashMap<>();
    private boolean active;
    @Version
    private long version;

    protected ShippingMethod() {
        // for Hibernate
    }

    public ShippingMethod(UUID zoneId, String name, Basis basis, List<RateBand> bands, Map<String, BigDecimal> freeAbove,
                          boolean active) {
        this.id = UUID.randomUUID();
        this.zoneId = zoneId;
        change(name, basis, bands, freeAbove, active);
    }

    public void change(String name, Basis basis, List<RateBand> bands, Map<String, BigDecimal> freeAbove, boolean active) {
        if (bands == null || bands.isEmpty()) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "bands",
                    "a method has at least one rate band");
        }
        for (RateBand band : bands) {
            if (band.from().signum() < 0 || band.price().signum() < 0 || (band.upTo() != null && band.upTo().compareTo(band.from()) <= 0)) {
                throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "bands",
                        "a band has from >= 0, upTo above from (or none) and a price >= 0");
            }
        }
        this.name = name;
        this.basis = basis;
        this.bands = List.copyOf(bands);
        this.freeAbove = new LinkedHashMap<>(freeAbove == null ? Map.of() : freeAbove);
        this.active = active;
    }

    /** The price of shipping a cart of this weight and goods value, or empty when the method has no band for it. */
    public Optional<BigDecimal> quote(String currency, long weightGrams, BigDecimal goodsValue) {
        if (!active) {
            return Optional.empty();
        }
        BigDecimal measure = basis == Basis.WEIGHT ? BigDecimal.valueOf(weightGrams) : goodsValue;
        Optional<BigDecimal> price = bands.stream().filter(band -> band.covers(currency, measure)).findFirst()
                .map(RateBand::price);
        BigDecimal threshold = freeAbove.get(currency);
        if (price.isPresent() && threshold != null && goodsValue.compareTo(threshold) >= 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        return price;
    }

    public UUID id() {
        return id;
    }

    public UUID zoneId() {
        return zoneId;
    }

    public String name() {
        return name;
    }

    public Basis basis() {
        return basis;
    }

    public List<RateBand> bands() {
        return bands;
    }

    public Map<String, BigDecimal> freeAbove() {
        return Map.copyOf(freeAbove);
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
