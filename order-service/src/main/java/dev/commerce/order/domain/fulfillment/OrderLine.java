package dev.commerce.order.domain.fulfillment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A line of an order as it is fulfilled: what the shopper pays for it ({@code payable}: its total after discounts, tax
 * included), and how many of its units shipped, were delivered and were sent back. Units move only forward:
 * shipped &le; quantity, delivered &le; shipped, returned &le; delivered.
 */
@Entity
@Table(name = "order_line")
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private UUID orderId;
    private int position;
    @Column(name = "line_id")
    private UUID lineId;
    private String sku;
    private String name;
    private int quantity;
    private BigDecimal payable;
    private int shipped;
    private int delivered;
    private int returned;

    protected OrderLine() {
        // for Hibernate
    }

    public OrderLine(UUID orderId, int position, UUID lineId, String sku, String name, int quantity, BigDecimal payable) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a line has at least one unit");
        }
        this.orderId = Objects.requireNonNull(orderId);
        this.position = position;
        this.lineId = lineId;
        this.sku = Objects.requireNonNull(sku);
        this.name = name;
        this.quantity = quantity;
        this.payable = Objects.requireNonNull(payable);
    }

    /** Ships {@code units} more; answers what they carry of the line's amount. */
    BigDecimal ship(int units, int minorDigits) {
        requireAtMost(units, quantity - shipped, "left to ship");
        BigDecimal share = Proration.share(payable, quantity, shipped, units, minorDigits);
        shipped += units;
        return share;
    }

    void deliver(int units) {
        requireAtMost(units, shipped - delivered, "on the way");
        delivered += units;
    }

    /** Takes back {@code units} delivered ones; answers what they are refunded. */
    BigDecimal takeBack(int units, int minorDigits) {
        requireAtMost(units, delivered - returned, "delivered and not returned");
        BigDecimal share = Proration.share(payable, quantity, returned, units, minorDigits);
        returned += units;
        return share;
    }

    public boolean fullyDelivered() {
        return delivered == quantity;
    }

    /** {@link Fulfillment} checked the request against every line; a breach here is a bug, not a refusal. */
    private void requireAtMost(int units, int left, String what) {
        if (units <= 0 || units > left) {
            throw new IllegalStateException(units + " units of " + sku + " moved, " + left + " " + what);
        }
    }

    public UUID orderId() {
        return orderId;
    }

    public int position() {
        return position;
    }

    public UUID lineId() {
        return lineId;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal payable() {
        return payable;
    }

    public int shipped() {
        return shipped;
    }

    public int delivered() {
        return delivered;
    }

    public int returned() {
        return returned;
    }
}
