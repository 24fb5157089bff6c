package dev.commerce.payment.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.payment.domain.Amounts;
import dev.commerce.payment.domain.Payment;
import dev.commerce.platform.domain.Money;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What happens to an order's money, on {@code payment.v1} (key = order id), through the outbox in the transaction
 * of the change. Payloads: contracts/schemas/payment/. Amounts are decimal strings.
 */
@ApplicationScoped
public class PaymentEvents {

    public static final String TOPIC = Topics.PAYMENT;

    public record Authorized(UUID paymentId, UUID paymentAttemptId, UUID orderId, String amount, String currency,
                             String provider, int riskScore, boolean flaggedForReview) {
    }

    public record Declined(UUID paymentId, UUID paymentAttemptId, UUID orderId, String reasonCode) {
    }

    public record Action(String type, String url, Map<String, Object> data) {
    }

    public record ActionRequired(UUID paymentId, UUID paymentAttemptId, UUID orderId, Action action) {
    }

    public record Captured(UUID paymentId, UUID orderId, Money amount) {
    }

    public record Voided(UUID paymentId, UUID paymentAttemptId, UUID orderId, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Refunded(UUID paymentId, UUID orderId, Money amount, UUID refundId) {
    }

    private final Outbox outbox;

    public PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void authorized(Payment payment) {
        record(payment, EventTypes.PAYMENT_AUTHORIZED, new Authorized(payment.id(), payment.attemptId(), payment.orderId(),
                Money.format(payment.amount(), payment.currency()), payment.currency(), payment.provider(),
                payment.riskScore(), payment.flaggedForReview()));
    }

    public void declined(Payment payment) {
        record(payment, EventTypes.PAYMENT_DECLINED, new Declined(payment.id(), payment.attemptId(), payment.orderId(),
                payment.declineReason().name()));
    }

    public void actionRequired(Payment payment) {
        record(payment, EventTypes.PAYMENT_ACTION_REQUIRED, new ActionRequired(payment.id(), payment.attemptId(), payment.orderId(),
                new Action("REDIRECT", payment.actionUrl(), Map.of("paymentId", payment.id().toString(),
                        "challengeReference", payment.challengeReference(),
                        "completeAt", "/payment-challenges/" + payment.challengeReference()))));
    }

    public void captured(Payment payment, BigDecimal amount) {
        record(payment, EventTypes.PAYMENT_CAPTURED, new Captured(payment.id(), payment.orderId(), Money.of(amount, payment.currency())));
    }

    public void voided(Payment payment, String reason) {
        record(payment, EventTypes.PAYMENT_VOIDED, new Voided(payment.id(), payment.attemptId(), payment.orderId(), reason));
    }

    /** {@code refundId} names the return the refund is for, when it is for one. */
    public void refunded(Payment payment, BigDecimal amount, UUID refundId) {
        record(payment, EventTypes.PAYMENT_REFUNDED, new Refunded(payment.id(), payment.orderId(), Money.of(amount, payment.currency()),
                refundId));
    }

    private void record(Payment payment, String type, Object payload) {
        outbox.record(TOPIC, EventType.of(type), payment.orderId().toString(), payload);
    }
}
