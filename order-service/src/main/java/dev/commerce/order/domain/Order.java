package dev.commerce.order.domain;

import dev.commerce.order.domain.saga.CancelReason;
import dev.commerce.order.domain.saga.OrderSaga;
import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.order.domain.saga.SagaState;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.order.domain.saga.Transition;
import dev.commerce.platform.domain.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order placed from a cart's checkout snapshot. Its status and payment attempts move only through
 * {@link OrderSaga} ({@link #apply}); the snapshot it was placed from is kept as the cart sent it (JSON).
 */
@Entity
@Table(name = "customer_order")
public class Order {

    /** The facts an order is placed with: who, what (the snapshot, as JSON) and how it is paid. */
    public record Placement(UUID id, String orderNumber, String customerId, String email, UUID cartId, String currency,
                            BigDecimal grandTotal, String paymentMethod, String checkoutJson) {
        public Placement {
            Objects.requireNonNull(id);
            Objects.requireNonNull(orderNumber);
            Objects.requireNonNull(cartId);
            Objects.requireNonNull(currency);
            Objects.requireNonNull(grandTotal);
            Objects.requireNonNull(paymentMethod);
            Objects.requireNonNull(checkoutJson);
        }
    }

    @Id
    private UUID id;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "customer_id")
    private String customerId;
    private String email;
    @Column(name = "cart_id")
    private UUID cartId;
    @Enumerated(EnumType.STRING)
    private SagaStatus status;
    private String currency;
    @Column(name = "grand_total")
    private BigDecimal grandTotal;
    @Column(name = "payment_method")
    private String paymentMethod;
    @Column(name = "current_attempt")
    private UUID currentAttempt;
    @Column(name = "authorized_attempt")
    private UUID authorizedAttempt;
    @Column(name = "on_hold")
    private boolean onHold;
    @Column(name = "decline_reason")
    private String declineReason;
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private String challenge;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_short_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<ShortLine> shortLines = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    private CancelReason cancelReason;
    @Column(name = "reservation_expires_at")
    private Instant reservationExpiresAt;
    @Column(name = "payment_deadline_at")
    private Instant paymentDeadlineAt;
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private String checkout;
    @Column(name = "captured_amount")
    private BigDecimal capturedAmount = BigDecimal.ZERO;
    @Column(name = "refunded_amount")
    private BigDecimal refundedAmount = BigDecimal.ZERO;
    @Column(name = "last_delivered_at")
    private Instant lastDeliveredAt;
    @Version
    private long version;
    @Column(name = "placed_at")
    private Instant placedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Order() {
        // for Hibernate
    }

    /** A new order, PENDING until inventory answers. */
    public static Order place(Placement placement, Instant now) {
        Order order = new Order();
        order.id = placement.id();
        order.orderNumber = placement.orderNumber();
        order.customerId = placement.customerId();
        order.email = placement.email();
        order.cartId = placement.cartId();
        order.currency = placement.currency();
        order.grandTotal = placement.grandTotal();
        order.paymentMethod = placement.paymentMethod();
        order.checkout = placement.checkoutJson();
        order.status = SagaStatus.PENDING;
        order.placedAt = now;
        order.updatedAt = now;
        return order;
    }

    /** Applies a saga event: the state machine decides, the order takes the new state (unchanged: not touched). */
    public Transition apply(SagaEvent event, Instant now) {
        SagaState before = sagaState();
        Transition transition = OrderSaga.apply(before, event);
        if (!transition.state().equals(before)) {
            take(transition.state());
            updatedAt = now;
        }
        return transition;
    }

    /**
     * Called with inventory's stock-reserved: the payment must be authorized within {@code paymentWindow}, and never
     * after the reservation's expiry.
     */
    public void holdStockUntil(Instant reservationExpiry, Duration paymentWindow, Instant now) {
        reservationExpiresAt = reservationExpiry;
        Instant deadline = now.plus(paymentWindow);
        paymentDeadlineAt = reservationExpiry != null && reservationExpiry.isBefore(deadline) ? reservationExpiry : deadline;
    }

    /** A new attempt pays with another method (the shopper's retry). */
    public void payWith(String method) {
        paymentMethod = Objects.requireNonNull(method);
    }

    public SagaState sagaState() {
        return new SagaState(status, currentAttempt, authorizedAttempt, onHold, declineReason, challenge,
                shortLines.stream().map(ShortLine::toSaga).toList(), cancelReason);
    }

    private void take(SagaState next) {
        status = next.status();
        currentAttempt = next.currentAttempt();
        authorizedAttempt = next.authorizedAttempt();
        onHold = next.onHold();
        declineReason = next.declineReason();
        challenge = next.challenge();
        List<ShortLine> lines = next.shortLines().stream().map(ShortLine::of).toList();
        if (!lines.equals(shortLines)) {
            shortLines.clear();
            shortLines.addAll(lines);
        }
        cancelReason = next.cancelReason();
    }

    /** payment-service captured {@code amount} (a shipment left). */
    public void captured(BigDecimal amount, Instant now) {
        capturedAmount = capturedAmount.add(amount);
        updatedAt = now;
    }

    /** payment-service refunded {@code amount} (a return was received). */
    public void refunded(BigDecimal amount, Instant now) {
        refundedAmount = refundedAmount.add(amount);
        updatedAt = now;
    }

    /** A shipment was delivered: the return window runs from the latest delivery. */
    public void deliveredAt(Instant at) {
        if (lastDeliveredAt == null || at.isAfter(lastDeliveredAt)) {
            lastDeliveredAt = at;
        }
        updatedAt = at;
    }

    /** Returns are accepted until {@code window} after the latest delivery; nothing delivered, nothing to return. */
    public void requireReturnWindowOpen(Duration window, Instant now) {
        if (lastDeliveredAt == null) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "order-not-delivered", "Order not delivered",
                    "only delivered goods can be returned");
        }
        if (now.isAfter(lastDeliveredAt.plus(window))) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "return-window-closed", "Return window closed",
                    "returns are accepted until " + lastDeliveredAt.plus(window) + " (" + window.toDays()
                            + " days after the latest delivery)").with("returnableUntil", lastDeliveredAt.plus(window).toString());
        }
    }

    public boolean belongsTo(String customer) {
        return customerId != null && customerId.equals(customer);
    }

    public boolean isGuestOrder() {
        return customerId == null;
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

    public String email() {
        return email;
    }

    public UUID cartId() {
        return cartId;
    }

    public SagaStatus status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal grandTotal() {
        return grandTotal;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public UUID currentAttempt() {
        return currentAttempt;
    }

    public boolean onHold() {
        return onHold;
    }

    public String declineReason() {
        return declineReason;
    }

    /** What the shopper's app must show to complete the payment (payment-action-required's action, JSON). */
    public String challenge() {
        return challenge;
    }

    public List<ShortLine> shortLines() {
        return List.copyOf(shortLines);
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public Instant reservationExpiresAt() {
        return reservationExpiresAt;
    }

    public Instant paymentDeadlineAt() {
        return paymentDeadlineAt;
    }

    /** The cart's checkout snapshot the order was placed from (contracts/schemas/cart/checkout-snapshot.v1.json). */
    public String checkoutJson() {
        return checkout;
    }

    public BigDecimal capturedAmount() {
        return capturedAmount;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public Instant lastDeliveredAt() {
        return lastDeliveredAt;
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
