package dev.commerce.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order placed from a cart. Written by the checkout saga (a later issue); read here by its customer and admins. */
@Entity
@Table(name = "customer_order")
public class Order {

    /** The states of the checkout saga (ARCHITECTURE.md, "The checkout saga"). */
    public enum Status { PENDING, AWAITING_PAYMENT, PAYMENT_FAILED, CONFIRMED, SHIPPED, DELIVERED, CANCELLED }

    @Id
    private UUID id;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "customer_id")
    private String customerId;
    @Column(name = "cart_id")
    private UUID cartId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String currency;
    @Column(name = "grand_total")
    private BigDecimal grandTotal;
    @Version
    private long version;
    @Column(name = "placed_at")
    private Instant placedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Order() {
        // for Hibernate
    }

    public boolean belongsTo(String customer) {
        return customerId.equals(customer);
    }

    public UUID id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public String customerId() {
        return customerId;
    }

    public UUID cartId() {
        return cartId;
    }

    public Status status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal grandTotal() {
        return grandTotal;
    }

    public long version() {
        return version;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
