package dev.commerce.cart.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.UUID;

/** A set of destination countries that share shipping methods. */
@Entity
@Table(name = "shipping_zone")
public class ShippingZone {

    @Id
    private UUID id;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> countries = List.of();
    @Version
    private long version;

    protected ShippingZone() {
        // for Hibernate
    }

    public ShippingZone(String name, List<String> countries) {
        this.id = UUID.randomUUID();
        change(name, countries);
    }

    public void change(String name, List<String> countries) {
        if (countries == null || countries.isEmpty()) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "countries",
                    "a zone has at least one country");
        }
        countries.forEach(TaxRate::requireCountry);
        this.name = name;
        this.countries = countries.stream().distinct().sorted().toList();
    }

    public boolean covers(String country) {
        return countries.contains(country);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> countries() {
        return countries;
    }

    public long version() {
        return version;
    }
}
