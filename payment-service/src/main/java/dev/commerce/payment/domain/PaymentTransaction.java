package dev.commerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One call to the provider for a payment: an authorization, capture, void or refund, with its amount, the
 * provider's reference and the outcome. {@code operationKey} names what asked for it (a shipment, a return, an
 * admin's Idempotency-Key), so asking again finds this transaction instead of charging twice.
 */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction {

    /** What the provider was asked to do. */
    public enum Type { AUTHORIZATION, CAPTURE, VOID, REFUND }

    /** How it ended; PENDING while the provider has not answered. */
    public enum Outcome { PENDING, SUCCEEDED, FAILED }

    @Id
    private UUID id;
    @Column(name = "payment_id")
    private UUID paymentId;
    @Enumerated(EnumType.STRING)
    private Type type;
    private BigDecimal amount;
    private String currency;
    @Column(name = "operation_key")
    private String operationKey;
    @Column(name = "provider_idempotency_key")
    private String providerIdempotencyKey;
    @Column(name = "provider_reference")
    private String providerReference;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected PaymentTransaction() {
        // for Hibernate
    }

    public PaymentTransaction(Payment payment, Type type, BigDecimal amount, String operationKey, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = payment.id();
        this.type = type;
        this.amount = amount;
        this.currency = payment.currency();
        this.operationKey = operationKey;
        // derived from the payment and the operation: the same operation always sends the same key
        this.providerIdempotencyKey = payment.id() + ":" + type.name().toLowerCase() + ":" + operationKey;
        this.outcome = Outcome.PENDING;
        this.createdAt = now;
    }

    public void succeeded(String reference, Instant now) {
        outcome = Outcome.SUCCEEDED;
        providerReference = reference;
        completedAt = now;
    }

    public void failed(String code, String reference, Instant now) {
        outcome = Outcome.FAILED;
        failureCode = code;
        providerReference = reference;
        completedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public Type type() {
        return type;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String operationKey() {
        return operationKey;
    }

    public String providerIdempotencyKey() {
        return providerIdempotencyKey;
    }

    public String providerReference() {
        return providerReference;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String failureCode() {
        return failureCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
