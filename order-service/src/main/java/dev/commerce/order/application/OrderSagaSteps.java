package dev.commerce.order.application;

import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderStatusChange;
import dev.commerce.order.domain.saga.SagaEffect;
import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.order.domain.saga.Transition;
import dev.commerce.order.messaging.OrderEvents;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.order.persistence.OrderTimeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of the checkout saga for one order, in one transaction: the order's row is locked, {@code OrderSaga}
 * decides, the new state, its timeline entry and the effects' events (through the outbox) commit together. Every
 * answer of inventory and payment, every shopper's and admin's request, and the payment deadline come through here.
 */
@ApplicationScoped
public class OrderSagaSteps {

    private static final Logger LOG = Logger.getLogger(OrderSagaSteps.class);

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderEvents events;
    private final Event<OrderChanged> changed;
    private final OrderConfig config;
    private final Clock clock;

    public OrderSagaSteps(OrderRepository orders, OrderTimeline timeline, OrderEvents events, Event<OrderChanged> changed,
                          OrderConfig config, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.events = events;
        this.changed = changed;
        this.config = config;
        this.clock = clock;
    }

    /** Applies {@code event} to the order; an event about an order this service does not hold is ignored. */
    @Transactional
    public Optional<Order> on(UUID orderId, SagaEvent event) {
        Optional<Order> found = orders.lock(orderId);
        if (found.isEmpty()) {
            LOG.warnf("Saga event %s for unknown order %s ignored", event, orderId);
            return Optional.empty();
        }
        Order order = found.get();
        apply(order, event, clock.instant());
        return found;
    }

    /**
     * inventory holds the order's stock until {@code expiresAt}: the first payment attempt starts, and the payment
     * deadline is set (commerce.order.payment-deadline from now, never after the reservation expires).
     */
    @Transactional
    public Optional<Order> stockReserved(UUID orderId, Instant expiresAt) {
        Optional<Order> found = orders.lock(orderId);
        found.ifPresent(order -> {
            Instant now = clock.instant();
            SagaStatus before = order.status();
            apply(order, new SagaEvent.StockReserved(UUID.randomUUID()), now);
            if (before == SagaStatus.PENDING && order.status() == SagaStatus.AWAITING_PAYMENT) {
                order.holdStockUntil(expiresAt, config.paymentDeadline(), now);
            }
        });
        if (found.isEmpty()) {
            LOG.warnf("stock-reserved for unknown order %s ignored", orderId);
        }
        return found;
    }

    /** Records a new order's first timeline entry and tells waiters; the order was just added in this transaction. */
    void placed(Order order) {
        timeline.add(new OrderStatusChange(order.id(), order.status(), null, order.placedAt()));
        changed.fire(new OrderChanged(order.id(), order.status()));
    }

    /** Applies an event to a locked order, then records what changed and what it causes. */
    void apply(Order order, SagaEvent event, Instant now) {
        SagaStatus before = order.status();
        boolean heldBefore = order.onHold();
        Transition transition = order.apply(event, now);
        boolean moved = order.status() != before || order.onHold() != heldBefore;
        if (moved) {
            timeline.add(new OrderStatusChange(order.id(), order.status(), detailOf(order), now));
        }
        for (SagaEffect effect : transition.effects()) {
            if (effect instanceof SagaEffect.RequestPayment request) {
                events.paymentRequested(order, request.attemptId());
            } else if (effect instanceof SagaEffect.Confirm) {
                events.confirmed(order);
            } else if (effect instanceof SagaEffect.Cancel cancel) {
                events.cancelled(order, cancel.reason(), detailOf(order));
            } else if (effect instanceof SagaEffect.VoidAuthorization voiding) {
                events.voidRequested(order, voiding.attemptId(),
                        order.status() == SagaStatus.CANCELLED ? "ORDER_CANCELLED" : "SUPERSEDED_ATTEMPT");
            }
        }
        if (moved || !transition.effects().isEmpty()) {
            changed.fire(new OrderChanged(order.id(), order.status()));
        }
    }

    /** What a timeline entry says beside the status: why it failed, was cancelled or is held. */
    private static String detailOf(Order order) {
        return switch (order.status()) {
            case PAYMENT_FAILED -> order.declineReason();
            case CANCELLED -> order.cancelReason() == null ? null : order.cancelReason().name();
            case CONFIRMED -> order.onHold() ? "ON_HOLD_FOR_PAYMENT_REVIEW" : null;
            case ACTION_REQUIRED -> "CUSTOMER_ACTION_REQUIRED";
            default -> null;
        };
    }
}
