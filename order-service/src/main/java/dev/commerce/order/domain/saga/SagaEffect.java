package dev.commerce.order.domain.saga;

import java.util.UUID;

/** What the saga asks the application to do after a transition (each becomes an event through the outbox). */
public sealed interface SagaEffect {

    /** payment-requested for a new attempt. */
    record RequestPayment(UUID attemptId) implements SagaEffect {
    }

    /** order-confirmed: inventory commits the reservation. */
    record Confirm() implements SagaEffect {
    }

    /** order-cancelled: inventory releases, payment voids any live authorization, cart releases promotion usages. */
    record Cancel(CancelReason reason) implements SagaEffect {
    }

    /** An authorization that must not stay live (it arrived for a cancelled order, or for an older attempt). */
    record VoidAuthorization(UUID attemptId) implements SagaEffect {
    }
}
