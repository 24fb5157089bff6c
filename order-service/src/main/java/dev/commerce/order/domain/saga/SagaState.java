package dev.commerce.order.domain.saga;

import java.util.List;
import java.util.UUID;

/**
 * An order's saga state: its status, the current payment attempt, the attempt whose authorization is live (null when
 * none), whether a confirmed order is on hold for a review, and what the shopper needs to know about the outcome
 * (decline reason, challenge, short lines, cancel reason).
 */
public record SagaState(SagaStatus status, UUID currentAttempt, UUID authorizedAttempt, boolean onHold,
                        String declineReason, String challenge, List<SagaEvent.ShortLine> shortLines,
                        CancelReason cancelReason) {

    public SagaState {
        shortLines = shortLines == null ? List.of() : List.copyOf(shortLines);
    }

    /** A new order, waiting for inventory. */
    public static SagaState placed() {
        return new SagaState(SagaStatus.PENDING, null, null, false, null, null, List.of(), null);
    }

    SagaState withStatus(SagaStatus next) {
        return new SagaState(next, currentAttempt, authorizedAttempt, onHold, declineReason, challenge, shortLines, cancelReason);
    }

    SagaState awaiting(UUID attempt) {
        return new SagaState(SagaStatus.AWAITING_PAYMENT, attempt, authorizedAttempt, false, null, null, shortLines, null);
    }

    SagaState authorized(UUID attempt, boolean hold) {
        return new SagaState(SagaStatus.CONFIRMED, attempt, attempt, hold, null, null, shortLines, null);
    }

    SagaState declined(String reason) {
        return new SagaState(SagaStatus.PAYMENT_FAILED, currentAttempt, authorizedAttempt, false, reason, null, shortLines, null);
    }

    SagaState challenged(String shown) {
        return new SagaState(SagaStatus.ACTION_REQUIRED, currentAttempt, authorizedAttempt, false, null, shown, shortLines, null);
    }

    SagaState released() {
        return new SagaState(status, currentAttempt, authorizedAttempt, false, declineReason, challenge, shortLines, cancelReason);
    }

    SagaState voided() {
        return new SagaState(status, currentAttempt, null, onHold, declineReason, challenge, shortLines, cancelReason);
    }

    SagaState cancelled(CancelReason reason, List<SagaEvent.ShortLine> lines) {
        return new SagaState(SagaStatus.CANCELLED, currentAttempt, authorizedAttempt, false, declineReason, challenge,
                lines == null ? shortLines : lines, reason);
    }
}
