package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * A shopper's cart. A guest cart has no customer and is reached through its unguessable id; a customer's cart is
 * visible to that customer only.
 */
@Entity
@Table(name = "cart")
public class Cart {

    /** OPEN carts take changes; an ORDERED cart became an order and is read-only. */
    public enum Status { OPEN, ORDERED }

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
    }

    /** Whether the caller may see this cart: anyone holding a guest cart's id, only the owner of a customer's cart. */
    public boolean visibleTo(String callerCustomerId) {
        return customerId == null || customerId.equals(callerCustomerId);
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
}
