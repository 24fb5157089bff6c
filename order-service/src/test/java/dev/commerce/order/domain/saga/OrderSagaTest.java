package dev.commerce.order.domain.saga;

import dev.commerce.platform.domain.RuleViolation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every event in every state. The table below lists what changes; every other pair must change nothing (no new
 * state, no effect), which covers late, repeated and out-of-order events.
 */
class OrderSagaTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID OLD = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final List<SagaEvent.ShortLine> SHORT = List.of(new SagaEvent.ShortLine("TR-42", 3, 1));

    /** One representative state per status (and a confirmed one on hold). */
    private static final Map<String, SagaState> STATES = new LinkedHashMap<>();
    /** Every kind of event, with the attempts a state may or may not know. */
    private static final Map<String, SagaEvent> EVENTS = new LinkedHashMap<>();

    static {
        SagaState pending = SagaState.placed();
        SagaState awaiting = OrderSaga.apply(pending, new SagaEvent.StockReserved(A)).state();
        SagaState challenged = OrderSaga.apply(awaiting, new SagaEvent.PaymentActionRequired(A, "https://acs/challenge/1")).state();
        SagaState failed = OrderSaga.apply(awaiting, new SagaEvent.PaymentDeclined(A, "insufficient_funds")).state();
        SagaState confirmed = OrderSaga.apply(awaiting, new SagaEvent.PaymentAuthorized(A, false)).state();
        SagaState onHold = OrderSaga.apply(awaiting, new SagaEvent.PaymentAuthorized(A, true)).state();
        SagaState shipped = OrderSaga.apply(confirmed, new SagaEvent.FirstShipmentSent()).state();
        SagaState delivered = OrderSaga.apply(shipped, new SagaEvent.EveryLineDelivered()).state();
        SagaState cancelled = OrderSaga.apply(awaiting, new SagaEvent.CancellationRequested(false)).state();
        STATES.put("PENDING", pending);
        STATES.put("AWAITING_PAYMENT", awaiting);
        STATES.put("ACTION_REQUIRED", challenged);
        STATES.put("PAYMENT_FAILED", failed);
        STATES.put("CONFIRMED", confirmed);
        STATES.put("CONFIRMED_ON_HOLD", onHold);
        STATES.put("SHIPPED", shipped);
        STATES.put("DELIVERED", delivered);
        STATES.put("CANCELLED", cancelled);

        EVENTS.put("stock-reserved", new SagaEvent.StockReserved(B));
        EVENTS.put("stock-rejected", new SagaEvent.StockRejected(SHORT));
        EVENTS.put("reservation-expired", new SagaEvent.ReservationExpired());
        EVENTS.put("commit-failed", new SagaEvent.StockCommitFailed());
        EVENTS.put("authorized-current", new SagaEvent.PaymentAuthorized(A, false));
        EVENTS.put("authorized-current-review", new SagaEvent.PaymentAuthorized(A, true));
        EVENTS.put("authorized-old", new SagaEvent.PaymentAuthorized(OLD, false));
        EVENTS.put("declined-current", new SagaEvent.PaymentDeclined(A, "do_not_honor"));
        EVENTS.put("declined-old", new SagaEvent.PaymentDeclined(OLD, "do_not_honor"));
        EVENTS.put("action-required-current", new SagaEvent.PaymentActionRequired(A, "https://acs/challenge/2"));
        EVENTS.put("action-required-old", new SagaEvent.PaymentActionRequired(OLD, "https://acs/challenge/3"));
        EVENTS.put("voided-current", new SagaEvent.PaymentVoided(A));
        EVENTS.put("voided-old", new SagaEvent.PaymentVoided(OLD));
        EVENTS.put("retry", new SagaEvent.PaymentRetried(B));
        EVENTS.put("cancel-by-shopper", new SagaEvent.CancellationRequested(false));
        EVENTS.put("cancel-by-merchant", new SagaEvent.CancellationRequested(true));
        EVENTS.put("review-approved", new SagaEvent.ReviewDecided(true));
        EVENTS.put("review-rejected", new SagaEvent.ReviewDecided(false));
        EVENTS.put("payment-deadline", new SagaEvent.PaymentDeadlinePassed());
        EVENTS.put("first-shipment", new SagaEvent.FirstShipmentSent());
        EVENTS.put("every-line-delivered", new SagaEvent.EveryLineDelivered());
    }

    /** An expected outcome: the status after, the effects, or the rule a refused request breaks. */
    private record Outcome(SagaStatus status, List<SagaEffect> effects, String refusedBy) {
        static Outcome to(SagaStatus status, SagaEffect... effects) {
            return new Outcome(status, List.of(effects), null);
        }

        static Outcome refused(String rule) {
            return new Outcome(null, List.of(), rule);
        }
    }

    private static final Map<String, Outcome> CHANGES = new LinkedHashMap<>();

    private static void expect(String state, String event, Outcome outcome) {
        CHANGES.put(state + " + " + event, outcome);
    }

    static {
        SagaEffect outOfStock = new SagaEffect.Cancel(CancelReason.OUT_OF_STOCK);
        SagaEffect expired = new SagaEffect.Cancel(CancelReason.RESERVATION_EXPIRED);
        SagaEffect paymentFailed = new SagaEffect.Cancel(CancelReason.PAYMENT_FAILED);
        SagaEffect byShopper = new SagaEffect.Cancel(CancelReason.CUSTOMER_REQUEST);
        SagaEffect byMerchant = new SagaEffect.Cancel(CancelReason.MERCHANT_REQUEST);
        SagaEffect voidOld = new SagaEffect.VoidAuthorization(OLD);
        SagaEffect voidCurrent = new SagaEffect.VoidAuthorization(A);

        expect("PENDING", "stock-reserved", Outcome.to(SagaStatus.AWAITING_PAYMENT, new SagaEffect.RequestPayment(B)));
        expect("PENDING", "stock-rejected", Outcome.to(SagaStatus.CANCELLED, outOfStock));
        expect("PENDING", "reservation-expired", Outcome.to(SagaStatus.CANCELLED, expired));
        expect("PENDING", "authorized-current", Outcome.to(SagaStatus.PENDING, voidCurrent));
        expect("PENDING", "authorized-current-review", Outcome.to(SagaStatus.PENDING, voidCurrent));
        expect("PENDING", "authorized-old", Outcome.to(SagaStatus.PENDING, voidOld));
        expect("PENDING", "retry", Outcome.refused("payment-retry-not-allowed"));
        expect("PENDING", "cancel-by-shopper", Outcome.to(SagaStatus.CANCELLED, byShopper));
        expect("PENDING", "cancel-by-merchant", Outcome.to(SagaStatus.CANCELLED, byMerchant));
        expect("PENDING", "review-approved", Outcome.refused("no-review-pending"));
        expect("PENDING", "review-rejected", Outcome.refused("no-review-pending"));
        expect("PENDING", "first-shipment", Outcome.refused("order-not-shippable"));

        for (String underWay : List.of("AWAITING_PAYMENT", "ACTION_REQUIRED")) {
            expect(underWay, "reservation-expired", Outcome.to(SagaStatus.CANCELLED, expired));
            expect(underWay, "authorized-current", Outcome.to(SagaStatus.CONFIRMED, new SagaEffect.Confirm()));
            expect(underWay, "authorized-current-review", Outcome.to(SagaStatus.CONFIRMED, new SagaEffect.Confirm()));
            expect(underWay, "authorized-old", Outcome.to(SagaStatus.valueOf(underWay), voidOld));
            expect(underWay, "declined-current", Outcome.to(SagaStatus.PAYMENT_FAILED));
            expect(underWay, "cancel-by-shopper", Outcome.to(SagaStatus.CANCELLED, byShopper));
            expect(underWay, "cancel-by-merchant", Outcome.to(SagaStatus.CANCELLED, byMerchant));
            expect(underWay, "review-approved", Outcome.refused("no-review-pending"));
            expect(underWay, "review-rejected", Outcome.refused("no-review-pending"));
            expect(underWay, "payment-deadline", Outcome.to(SagaStatus.CANCELLED, paymentFailed));
            expect(underWay, "first-shipment", Outcome.refused("order-not-shippable"));
        }
        expect("AWAITING_PAYMENT", "action-required-current", Outcome.to(SagaStatus.ACTION_REQUIRED));
        expect("AWAITING_PAYMENT", "retry", Outcome.refused("payment-retry-not-allowed"));
        expect("ACTION_REQUIRED", "retry", Outcome.to(SagaStatus.AWAITING_PAYMENT, new SagaEffect.RequestPayment(B)));

        expect("PAYMENT_FAILED", "reservation-expired", Outcome.to(SagaStatus.CANCELLED, expired));
        expect("PAYMENT_FAILED", "authorized-current", Outcome.to(SagaStatus.PAYMENT_FAILED, voidCurrent));
        expect("PAYMENT_FAILED", "authorized-current-review", Outcome.to(SagaStatus.PAYMENT_FAILED, voidCurrent));
        expect("PAYMENT_FAILED", "authorized-old", Outcome.to(SagaStatus.PAYMENT_FAILED, voidOld));
        expect("PAYMENT_FAILED", "retry", Outcome.to(SagaStatus.AWAITING_PAYMENT, new SagaEffect.RequestPayment(B)));
        expect("PAYMENT_FAILED", "cancel-by-shopper", Outcome.to(SagaStatus.CANCELLED, byShopper));
        expect("PAYMENT_FAILED", "cancel-by-merchant", Outcome.to(SagaStatus.CANCELLED, byMerchant));
        expect("PAYMENT_FAILED", "review-approved", Outcome.refused("no-review-pending"));
        expect("PAYMENT_FAILED", "review-rejected", Outcome.refused("no-review-pending"));
        expect("PAYMENT_FAILED", "payment-deadline", Outcome.to(SagaStatus.CANCELLED, paymentFailed));
        expect("PAYMENT_FAILED", "first-shipment", Outcome.refused("order-not-shippable"));

        for (String confirmed : List.of("CONFIRMED", "CONFIRMED_ON_HOLD")) {
            expect(confirmed, "commit-failed", Outcome.to(SagaStatus.CANCELLED, new SagaEffect.Cancel(CancelReason.STOCK_COMMIT_FAILED)));
            expect(confirmed, "authorized-old", Outcome.to(SagaStatus.CONFIRMED, voidOld));
            expect(confirmed, "voided-current", Outcome.to(SagaStatus.CANCELLED, paymentFailed));
            expect(confirmed, "retry", Outcome.refused("payment-retry-not-allowed"));
            expect(confirmed, "cancel-by-shopper", Outcome.to(SagaStatus.CANCELLED, byShopper));
            expect(confirmed, "cancel-by-merchant", Outcome.to(SagaStatus.CANCELLED, byMerchant));
        }
        expect("CONFIRMED", "review-approved", Outcome.refused("no-review-pending"));
        expect("CONFIRMED", "review-rejected", Outcome.refused("no-review-pending"));
        expect("CONFIRMED", "first-shipment", Outcome.to(SagaStatus.SHIPPED));
        expect("SHIPPED", "every-line-delivered", Outcome.to(SagaStatus.DELIVERED));
        expect("CONFIRMED_ON_HOLD", "review-approved", Outcome.to(SagaStatus.CONFIRMED));
        expect("CONFIRMED_ON_HOLD", "review-rejected", Outcome.to(SagaStatus.CANCELLED, byMerchant));
        expect("CONFIRMED_ON_HOLD", "first-shipment", Outcome.refused("order-not-shippable"));

        for (String after : List.of("SHIPPED", "DELIVERED")) {
            expect(after, "authorized-old", Outcome.to(SagaStatus.valueOf(after), voidOld));
            expect(after, "voided-current", Outcome.to(SagaStatus.valueOf(after))); // noted: no authorization is live
            expect(after, "retry", Outcome.refused("payment-retry-not-allowed"));
            expect(after, "cancel-by-shopper", Outcome.refused("order-not-cancellable"));
            expect(after, "cancel-by-merchant", Outcome.refused("order-not-cancellable"));
            expect(after, "review-approved", Outcome.refused("no-review-pending"));
            expect(after, "review-rejected", Outcome.refused("no-review-pending"));
        }

        expect("CANCELLED", "authorized-current", Outcome.to(SagaStatus.CANCELLED, voidCurrent));
        expect("CANCELLED", "authorized-current-review", Outcome.to(SagaStatus.CANCELLED, voidCurrent));
        expect("CANCELLED", "authorized-old", Outcome.to(SagaStatus.CANCELLED, voidOld));
        expect("CANCELLED", "retry", Outcome.refused("payment-retry-not-allowed"));
        expect("CANCELLED", "review-approved", Outcome.refused("no-review-pending"));
        expect("CANCELLED", "review-rejected", Outcome.refused("no-review-pending"));
        expect("CANCELLED", "first-shipment", Outcome.refused("order-not-shippable"));
    }

    @TestFactory
    List<DynamicTest> every_event_in_every_state() {
        List<DynamicTest> tests = new ArrayList<>();
        STATES.forEach((stateName, state) -> EVENTS.forEach((eventName, event) -> {
            String pair = stateName + " + " + eventName;
            Outcome expected = CHANGES.get(pair);
            tests.add(DynamicTest.dynamicTest(pair, () -> {
                if (expected != null && expected.refusedBy() != null) {
                    assertThatThrownBy(() -> OrderSaga.apply(state, event)).isInstanceOf(RuleViolation.class)
                            .extracting(e -> ((RuleViolation) e).rule()).isEqualTo(expected.refusedBy());
                    return;
                }
                Transition transition = OrderSaga.apply(state, event);
                if (expected == null) {
                    assertThat(transition.state()).as("state after %s", pair).isEqualTo(state);
                    assertThat(transition.effects()).as("effects of %s", pair).isEmpty();
                    return;
                }
                assertThat(transition.state().status()).as("status after %s", pair).isEqualTo(expected.status());
                assertThat(transition.effects()).as("effects of %s", pair).containsExactlyElementsOf(expected.effects());
            }));
        }));
        assertThat(CHANGES.keySet()).as("the table names only known states and events")
                .allMatch(pair -> tests.stream().anyMatch(test -> test.getDisplayName().equals(pair)));
        return tests;
    }

    @Test
    void a_repeated_event_changes_nothing_the_second_time() {
        SagaState state = SagaState.placed();
        for (SagaEvent event : List.of(new SagaEvent.StockReserved(A), new SagaEvent.PaymentDeclined(A, "do_not_honor"),
                new SagaEvent.PaymentRetried(B), new SagaEvent.PaymentAuthorized(B, false))) {
            Transition first = OrderSaga.apply(state, event);
            assertThat(first.changed(state)).as("first %s", event).isTrue();
            Transition again = OrderSaga.apply(first.state(), event);
            assertThat(again.state()).as("again %s", event).isEqualTo(first.state());
            assertThat(again.effects()).as("again %s", event).isEmpty();
            state = first.state();
        }
        assertThat(state.status()).isEqualTo(SagaStatus.CONFIRMED);
        assertThat(state.authorizedAttempt()).isEqualTo(B);
    }

    @Test
    void the_outcome_keeps_what_the_shopper_acts_on() {
        SagaState awaiting = OrderSaga.apply(SagaState.placed(), new SagaEvent.StockReserved(A)).state();
        assertThat(OrderSaga.apply(awaiting, new SagaEvent.PaymentDeclined(A, "insufficient_funds")).state().declineReason())
                .isEqualTo("insufficient_funds");
        assertThat(OrderSaga.apply(awaiting, new SagaEvent.PaymentActionRequired(A, "https://acs/c/9")).state().challenge())
                .isEqualTo("https://acs/c/9");
        SagaState rejected = OrderSaga.apply(SagaState.placed(), new SagaEvent.StockRejected(SHORT)).state();
        assertThat(rejected.shortLines()).isEqualTo(SHORT);
        assertThat(rejected.cancelReason()).isEqualTo(CancelReason.OUT_OF_STOCK);
        SagaState held = OrderSaga.apply(awaiting, new SagaEvent.PaymentAuthorized(A, true)).state();
        assertThat(held.onHold()).isTrue();
        assertThat(OrderSaga.apply(held, new SagaEvent.ReviewDecided(true)).state().onHold()).isFalse();
    }
}
