package dev.commerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The money of one payment attempt of an order: authorized, then captured in one or more parts, refunded in
 * one or more parts up to what was captured, or voided. Holds only the provider's token and the card's last four
 * digits, never card data.
 */
@Entity
@Table(name = "payment")
public class Payment {

    /** Where a payment is. PENDING waits for the provider; the four "live" states hold or took the money. */
    public enum Status {
        PENDING, ACTION_REQUIRED, AUTHORIZED, CAPTURED, DECLINED, VOIDED, REFUNDED;

        public boolean isLive() {
            return this == PENDING || this == ACTION_REQUIRED || this == AUTHORIZED || this == CAPTURED;
        }
    }

    /** An admin's decision on a payment flagged for review. */
    public enum ReviewDecision { APPROVED, REJECTED }

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "attempt_id")
    private UUID attemptId;
    @Column(name = "customer_id")
    private String customerId;
    private BigDecimal amount;
    private String currency;
    @Column(name = "method_token")
    private String methodToken;
    @Column(name = "card_last4")
    private String cardLast4;
    private String provider;
    @Column(name = "provider_reference")
    private String providerReference;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    private DeclineReason declineReason;
    @Column(name = "action_url")
    private String actionUrl;
    @Column(name = "challenge_reference")
    private String challengeReference;
    @Column(name = "captured_amount")
    private BigDecimal capturedAmount;
    @Column(name = "refunded_amount")
    private BigDecimal refundedAmount;
    @Column(name = "risk_score")
    private int riskScore;
    @Column(name = "risk_rules")
    private String riskRules;
    @Column(name = "flagged_for_review")
    private boolean flaggedForReview;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_decision")
    private ReviewDecision reviewDecision;
    @Column(name = "billing_country")
    private String billingCountry;
    @Column(name = "shipping_country")
    private String shippingCountry;
    @Column(name = "authorized_at")
    private Instant authorizedAt;
    @Column(name = "authorization_expires_at")
    private Instant authorizationExpiresAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Payment() {
        // for Hibernate
    }

    /** A new attempt, screened: PENDING until the provider answers, or DECLINED when screening refused it. */
    public Payment(UUID orderId, UUID attemptId, String customerId, BigDecimal amount, String currency, String methodToken,
                   String provider, String billingCountry, String shippingCountry, RiskAssessment risk, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = Objects.requireNonNull(orderId);
        this.attemptId = Objects.requireNonNull(attemptId);
        this.customerId = Objects.requireNonNull(customerId);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        this.amount = amount;
        this.currency = Objects.requireNonNull(currency);
        this.methodToken = Objects.requireNonNull(methodToken);
        this.provider = Objects.requireNonNull(provider);
        this.billingCountry = billingCountry;
        this.shippingCountry = shippingCountry;
        this.capturedAmount = BigDecimal.ZERO;
        this.refundedAmount = BigDecimal.ZERO;
        this.riskScore = risk.score();
        this.riskRules = String.join(",", risk.rulesFired());
        this.flaggedForReview = risk.decision() == RiskAssessment.Decision.REVIEW;
        this.status = risk.decision() == RiskAssessment.Decision.DECLINE ? Status.DECLINED : Status.PENDING;
        this.declineReason = risk.decision() == RiskAssessment.Decision.DECLINE ? DeclineReason.FRAUD_SUSPECTED : null;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An attempt refused before screening (another authorization of the order is live). */
    public static Payment refused(UUID orderId, UUID attemptId, String customerId, BigDecimal amount, String currency,
                                  String methodToken, String provider, DeclineReason reason, Instant now) {
        Payment payment = new Payment(orderId, attemptId, customerId, amount, currency, methodToken, provider, null, null,
                new RiskAssessment(0, List.of(), RiskAssessment.Decision.ALLOW), now);
        payment.status = Status.DECLINED;
        payment.declineReason = reason;
        return payment;
    }

    public void authorized(String reference, String last4, Duration lifetime, Instant now) {
        requireStatus("authorize", Status.PENDING, Status.ACTION_REQUIRED);
        providerReference = reference;
        cardLast4 = last4;
        status = Status.AUTHORIZED;
        actionUrl = null;
        challengeReference = null;
        authorizedAt = now;
        authorizationExpiresAt = now.plus(lifetime);
        updatedAt = now;
    }

    public void declined(DeclineReason reason, String reference, Instant now) {
        requireStatus("decline", Status.PENDING, Status.ACTION_REQUIRED);
        providerReference = reference == null ? providerReference : reference;
        status = Status.DECLINED;
        declineReason = reason;
        actionUrl = null;
        challengeReference = null;
        updatedAt = now;
    }

    /** The provider asks for strong authentication; {@code challenge} is the unguessable reference the shopper completes it by. */
    public void actionRequired(String reference, String url, String challenge, Instant now) {
        requireStatus("ask for authentication", Status.PENDING);
        providerReference = reference;
        actionUrl = url;
        challengeReference = challenge;
        status = Status.ACTION_REQUIRED;
        updatedAt = now;
    }

    /** The provider has the attempt but has not decided yet (a result arrives later, or a retry asks again). */
    public void awaitingProvider(String reference, Instant now) {
        requireStatus("wait for the provider", Status.PENDING);
        providerReference = reference == null ? providerReference : reference;
        updatedAt = now;
    }

    /** Refuses a capture of more than is left of the authorization, or in another currency. */
    public void requireCapturable(BigDecimal requested, String requestedCurrency) {
        requireStatus("capture", Status.AUTHORIZED, Status.CAPTURED);
        requireCurrency(requestedCurrency);
        requirePositive(requested);
        if (capturedAmount.add(requested).compareTo(amount) > 0) {
            throw new PaymentRuleViolation("capture-exceeds-authorization", "cannot capture " + requested.toPlainString()
                    + " " + currency + ": " + amount.subtract(capturedAmount).toPlainString() + " left of the authorization");
        }
    }

    public void captured(BigDecimal captured, Instant now) {
        capturedAmount = capturedAmount.add(captured);
        status = Status.CAPTURED;
        updatedAt = now;
    }

    /** Refuses a refund of more than was captured and not yet refunded, or in another currency. */
    public void requireRefundable(BigDecimal requested, String requestedCurrency) {
        requireStatus("refund", Status.CAPTURED, Status.REFUNDED);
        requireCurrency(requestedCurrency);
        requirePositive(requested);
        if (refundedAmount.add(requested).compareTo(capturedAmount) > 0) {
            throw new PaymentRuleViolation("refund-exceeds-captured", "cannot refund " + requested.toPlainString() + " "
                    + currency + ": " + capturedAmount.subtract(refundedAmount).toPlainString() + " captured and not refunded");
        }
    }

    public void refunded(BigDecimal refunded, Instant now) {
        refundedAmount = refundedAmount.add(refunded);
        if (refundedAmount.compareTo(capturedAmount) == 0) {
            status = Status.REFUNDED;
        }
        updatedAt = now;
    }

    /** Voiding releases an authorization nothing was captured from (or an attempt still waiting). */
    /** Whether a void can still release it: nothing captured, not declined, not voided already. */
    public boolean voidable() {
        return status == Status.PENDING || status == Status.ACTION_REQUIRED || status == Status.AUTHORIZED;
    }

    public void requireVoidable() {
        requireStatus("void", Status.PENDING, Status.ACTION_REQUIRED, Status.AUTHORIZED);
    }

    public void voided(Instant now) {
        requireVoidable();
        status = Status.VOIDED;
        actionUrl = null;
        challengeReference = null;
        updatedAt = now;
    }

    /** Records an admin's decision on a flagged payment; the caller voids it when rejected. */
    public void reviewed(ReviewDecision decision, Instant now) {
        if (!flaggedForReview || reviewDecision != null) {
            throw new PaymentRuleViolation("not-awaiting-review", "payment " + id + " is not waiting for a review decision");
        }
        if (decision == ReviewDecision.REJECTED) {
            requireVoidable();
        }
        reviewDecision = decision;
        updatedAt = now;
    }

    public boolean authorizationDue(Instant now) {
        return status == Status.AUTHORIZED && authorizationExpiresAt != null && !authorizationExpiresAt.isAfter(now);
    }

    private void requireStatus(String operation, Status... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new PaymentRuleViolation("invalid-payment-state", "cannot " + operation + " payment " + id + ": it is " + status);
        }
    }

    private void requireCurrency(String requested) {
        if (!currency.equals(requested)) {
            throw new PaymentRuleViolation("currency-mismatch", "payment " + id + " is in " + currency + ", not " + requested);
        }
    }

    private static void requirePositive(BigDecimal requested) {
        if (requested.signum() <= 0) {
            throw new PaymentRuleViolation("invalid-amount", "the amount must be positive");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID attemptId() {
        return attemptId;
    }

    public String customerId() {
        return customerId;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String methodToken() {
        return methodToken;
    }

    public String cardLast4() {
        return cardLast4;
    }

    public String provider() {
        return provider;
    }

    public String providerReference() {
        return providerReference;
    }

    public Status status() {
        return status;
    }

    public DeclineReason declineReason() {
        return declineReason;
    }

    public String challengeReference() {
        return challengeReference;
    }

    public String actionUrl() {
        return actionUrl;
    }

    public BigDecimal capturedAmount() {
        return capturedAmount;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public int riskScore() {
        return riskScore;
    }

    public List<String> riskRules() {
        return riskRules.isEmpty() ? List.of() : List.of(riskRules.split(","));
    }

    public boolean flaggedForReview() {
        return flaggedForReview;
    }

    public ReviewDecision reviewDecision() {
        return reviewDecision;
    }

    public String billingCountry() {
        return billingCountry;
    }

    public String shippingCountry() {
        return shippingCountry;
    }

    public Instant authorizedAt() {
        return authorizedAt;
    }

    public Instant authorizationExpiresAt() {
        return authorizationExpiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
