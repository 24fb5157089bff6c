package dev.commerce.order.domain.saga;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What can happen to an order during the checkout saga: answers of inventory and payment (through events), the
 * shopper's and the admin's requests (through the API) and the payment deadline (a timer).
 */
public sealed interface SagaEvent {

    /** inventory held every line; {@code attemptId} is the id the application chose for the first payment attempt. */
    record StockReserved(UUID attemptId) implements SagaEvent {
        public StockReserved {
            Objects.requireNonNull(attemptId);
        }
    }

    /** inventory could not hold every line. */
    record StockRejected(List<ShortLine> shortLines) implements SagaEvent {
        public StockRejected {
            shortLines = List.copyOf(shortLines);
        }
    }

    /** A line inventory could not hold: asked for {@code requested}, {@code available} could be sold. */
    record ShortLine(String sku, int requested, long available) {
    }

    /** The reservation lapsed before the order was confirmed. */
    record ReservationExpired() implements SagaEvent {
    }

    /** order-confirmed met an expired reservation and the stock was gone. */
    record StockCommitFailed() implements SagaEvent {
    }

    /** The provider authorized the attempt; {@code review}: fraud screening asks a human to look first. */
    record PaymentAuthorized(UUID attemptId, boolean review) implements SagaEvent {
    }

    record PaymentDeclined(UUID attemptId, String reason) implements SagaEvent {
    }

    /** The attempt needs the shopper (a 3-D Secure challenge); {@code challenge} is what the app must show. */
    record PaymentActionRequired(UUID attemptId, String challenge) implements SagaEvent {
    }

    /** The authorization of the attempt was voided (it expired, or was voided on request). */
    record PaymentVoided(UUID attemptId) implements SagaEvent {
    }

    /** The shopper starts a new payment attempt with another method (POST /orders/{id}/payments). */
    record PaymentRetried(UUID attemptId) implements SagaEvent {
    }

    /** The shopper or an admin cancels the order (POST /orders/{id}/cancellation). */
    record CancellationRequested(boolean byMerchant) implements SagaEvent {
    }

    /** An admin approves or rejects an authorization fraud screening flagged. */
    record ReviewDecided(boolean approved) implements SagaEvent {
    }

    /** The payment deadline passed without an authorization. */
    record PaymentDeadlinePassed() implements SagaEvent {
    }

    /** The first shipment of the order left: from now on the way back is a return. */
    record FirstShipmentSent() implements SagaEvent {
    }

    /** The carrier delivered the last units of the order. */
    record EveryLineDelivered() implements SagaEvent {
    }
}
