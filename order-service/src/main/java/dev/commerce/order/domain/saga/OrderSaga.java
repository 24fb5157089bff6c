package dev.commerce.order.domain.saga;

import dev.commerce.platform.domain.RuleViolation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The checkout saga's state machine, plain Java: given the order's state and what happened, the next state and the
 * effects. Events of inventory and payment that arrive late, twice or out of order change nothing (an answer about
 * an attempt that is not the current one, a reservation answer after the order moved on); the one exception is an
 * authorization that must not stay live, which is voided. Requests that the state refuses (a cancellation after
 * shipping, a retry while a payment is under way) are rule violations.
 */
public final class OrderSaga {

    private OrderSaga() {
    }

    public static Transition apply(SagaState state, SagaEvent event) {
        Objects.requireNonNull(state);
        if (event instanceof SagaEvent.StockReserved reserved) {
            return state.status() == SagaStatus.PENDING
                    ? new Transition(state.awaiting(reserved.attemptId()), List.of(new SagaEffect.RequestPayment(reserved.attemptId())))
                    : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.StockRejected rejected) {
            return state.status() == SagaStatus.PENDING
                    ? cancel(state, CancelReason.OUT_OF_STOCK, rejected.shortLines())
                    : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.ReservationExpired) {
            return awaitingPaymentOrPending(state) ? cancel(state, CancelReason.RESERVATION_EXPIRED, null) : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.PaymentDeadlinePassed) {
            return paymentUnderWay(state) || state.status() == SagaStatus.PAYMENT_FAILED
                    ? cancel(state, CancelReason.PAYMENT_FAILED, null)
                    : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.StockCommitFailed) {
            return state.status() == SagaStatus.CONFIRMED ? cancel(state, CancelReason.STOCK_COMMIT_FAILED, null) : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.PaymentAuthorized authorized) {
            return authorized(state, authorized);
        }
        if (event instanceof SagaEvent.PaymentDeclined declined) {
            return paymentUnderWay(state) && current(state, declined.attemptId())
                    ? new Transition(state.declined(declined.reason()), List.of())
                    : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.PaymentActionRequired action) {
            return state.status() == SagaStatus.AWAITING_PAYMENT && current(state, action.attemptId())
                    ? new Transition(state.challenged(action.challenge()), List.of())
                    : Transition.unchanged(state);
        }
        if (event instanceof SagaEvent.PaymentVoided voided) {
            return voided(state, voided);
        }
        if (event instanceof SagaEvent.PaymentRetried retried) {
            return retry(state, retried.attemptId());
        }
        if (event instanceof SagaEvent.CancellationRequested cancellation) {
            return requestCancellation(state, cancellation);
        }
        if (event instanceof SagaEvent.ReviewDecided decision) {
            return review(state, decision.approved());
        }
        if (event instanceof SagaEvent.FirstShipmentSent) {
            return ship(state);
        }
        if (event instanceof SagaEvent.EveryLineDelivered) {
            return state.status() == SagaStatus.SHIPPED
                    ? new Transition(state.withStatus(SagaStatus.DELIVERED), List.of())
                    : Transition.unchanged(state);
        }
        throw new IllegalArgumentException("unknown saga event " + event);
    }

    private static Transition authorized(SagaState state, SagaEvent.PaymentAuthorized authorized) {
        UUID attempt = authorized.attemptId();
        if (paymentUnderWay(state) && current(state, attempt)) {
            return new Transition(state.authorized(attempt, authorized.review()), List.of(new SagaEffect.Confirm()));
        }
        if (attempt.equals(state.authorizedAttempt())) {
            return Transition.unchanged(state); // a redelivery
        }
        // the order was cancelled meanwhile, or an attempt that is not the current one got through: at most one
        // authorization per order is live, and only for an order that goes on
        return new Transition(state, List.of(new SagaEffect.VoidAuthorization(attempt)));
    }

    private static Transition voided(SagaState state, SagaEvent.PaymentVoided voided) {
        if (!voided.attemptId().equals(state.authorizedAttempt())) {
            return Transition.unchanged(state);
        }
        if (state.status() == SagaStatus.CONFIRMED) {
            // the authorization expired before anything shipped: nothing can be captured any more
            return cancel(state.voided(), CancelReason.PAYMENT_FAILED, null);
        }
        return new Transition(state.voided(), List.of());
    }

    private static Transition retry(SagaState state, UUID attempt) {
        if (attempt.equals(state.currentAttempt())) {
            return Transition.unchanged(state); // the same retry again
        }
        if (state.status() != SagaStatus.PAYMENT_FAILED && state.status() != SagaStatus.ACTION_REQUIRED) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "payment-retry-not-allowed", "Payment retry not allowed",
                    "a new payment attempt can start after a decline or instead of a pending challenge, not while the order is "
                            + state.status());
        }
        return new Transition(state.awaiting(attempt), List.of(new SagaEffect.RequestPayment(attempt)));
    }

    private static Transition requestCancellation(SagaState state, SagaEvent.CancellationRequested cancellation) {
        if (state.status() == SagaStatus.CANCELLED) {
            return Transition.unchanged(state);
        }
        if (state.status() == SagaStatus.SHIPPED || state.status() == SagaStatus.DELIVERED) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "order-not-cancellable", "Order not cancellable",
                    "the order has shipped: send it back with a return");
        }
        return cancel(state, cancellation.byMerchant() ? CancelReason.MERCHANT_REQUEST : CancelReason.CUSTOMER_REQUEST, null);
    }

    private static Transition review(SagaState state, boolean approved) {
        if (state.status() != SagaStatus.CONFIRMED || !state.onHold()) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "no-review-pending", "No review pending",
                    "the order is not on hold for a payment review");
        }
        return approved ? new Transition(state.released(), List.of()) : cancel(state, CancelReason.MERCHANT_REQUEST, null);
    }

    private static Transition ship(SagaState state) {
        if (state.status() == SagaStatus.SHIPPED || state.status() == SagaStatus.DELIVERED) {
            return Transition.unchanged(state);
        }
        if (state.status() != SagaStatus.CONFIRMED || state.onHold()) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, "order-not-shippable", "Order not shippable",
                    state.onHold() ? "the order is on hold until its payment review is approved"
                            : "only a confirmed order ships, not one that is " + state.status());
        }
        return new Transition(state.withStatus(SagaStatus.SHIPPED), List.of());
    }

    private static Transition cancel(SagaState state, CancelReason reason, List<SagaEvent.ShortLine> shortLines) {
        return new Transition(state.cancelled(reason, shortLines), List.of(new SagaEffect.Cancel(reason)));
    }

    private static boolean paymentUnderWay(SagaState state) {
        return state.status() == SagaStatus.AWAITING_PAYMENT || state.status() == SagaStatus.ACTION_REQUIRED;
    }

    private static boolean awaitingPaymentOrPending(SagaState state) {
        return state.status() == SagaStatus.PENDING || paymentUnderWay(state) || state.status() == SagaStatus.PAYMENT_FAILED;
    }

    private static boolean current(SagaState state, UUID attempt) {
        return attempt != null && attempt.equals(state.currentAttempt());
    }
}
