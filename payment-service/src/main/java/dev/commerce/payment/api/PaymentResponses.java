package dev.commerce.payment.api;

import dev.commerce.platform.domain.Money;
import dev.commerce.payment.domain.Amounts;
import dev.commerce.payment.domain.Payment;
import dev.commerce.payment.domain.PaymentTransaction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the payment endpoints: amounts as decimal strings with their currency. */
public final class PaymentResponses {

    private PaymentResponses() {
    }

    @Schema(name = "PaymentRisk", description = "Fraud screening: the score (0-100), the rules that fired, and review state")
    public record Risk(@Schema(examples = "35") int score, @Schema(examples = "[\"NEW_CARD_HIGH_AMOUNT\"]") List<String> rulesFired, boolean flaggedForReview, Payment.ReviewDecision reviewDecision) {
    }

    @Schema(name = "PaymentTransaction")
    public record Transaction(UUID id, PaymentTransaction.Type type, Money amount, PaymentTransaction.Outcome outcome,
                              @Schema(examples = "txn_91c2f0") String providerReference, @Schema(examples = "card_declined") String failureCode, Instant createdAt, Instant completedAt) {
        static Transaction of(PaymentTransaction transaction) {
            return new Transaction(transaction.id(), transaction.type(),
                    new Money(Amounts.format(transaction.amount(), transaction.currency()), transaction.currency()),
                    transaction.outcome(), transaction.providerReference(), transaction.failureCode(),
                    transaction.createdAt(), transaction.completedAt());
        }
    }

    @Schema(name = "Payment", description = "One payment attempt of an order and its provider transactions")
    public record PaymentDetails(UUID id, UUID orderId, UUID paymentAttemptId, @Schema(examples = "6e5d4c3b-2a19-4f8e-8d7c-6b5a4f3e2d1c") String customerId, Money amount,
                          Payment.Status status, @Schema(examples = "INSUFFICIENT_FUNDS") String declineReason,
                          @Schema(examples = "https://payments.example/challenges/Xk2f9QmZ7tLr4vB8nP1wYc", description = "Where the shopper completes strong customer authentication") String actionUrl,
                          @Schema(examples = "test") String provider, @Schema(examples = "pay_4b8e2d71c9", description = "The provider's reference of the payment") String providerReference,
                          @Schema(examples = "4242", description = "Only card detail stored") String cardLast4,
                          Money captured, Money refunded, Risk risk, Instant authorizedAt, Instant authorizationExpiresAt,
                          Instant createdAt, Instant updatedAt, @Schema(examples = "4") long version, List<Transaction> transactions) {

        static PaymentDetails of(Payment payment, List<PaymentTransaction> transactions) {
            String currency = payment.currency();
            return new PaymentDetails(payment.id(), payment.orderId(), payment.attemptId(), payment.customerId(),
                    new Money(Amounts.format(payment.amount(), currency), currency), payment.status(),
                    payment.declineReason() == null ? null : payment.declineReason().name(), payment.actionUrl(),
                    payment.provider(), payment.providerReference(), payment.cardLast4(),
                    new Money(Amounts.format(payment.capturedAmount(), currency), currency),
                    new Money(Amounts.format(payment.refundedAmount(), currency), currency),
                    new Risk(payment.riskScore(), payment.riskRules(), payment.flaggedForReview(), payment.reviewDecision()),
                    payment.authorizedAt(), payment.authorizationExpiresAt(), payment.createdAt(), payment.updatedAt(),
                    payment.version(), transactions.stream().map(Transaction::of).toList());
        }
    }
}
