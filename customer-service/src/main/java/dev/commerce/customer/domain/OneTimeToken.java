package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A single-use token mailed to a customer (e-mail verification, password reset), known only by its hash. It is
 * bound to the address it was sent to: after an e-mail change it proves nothing.
 */
@Entity
@Table(name = "one_time_token")
public class OneTimeToken {

    public enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET }

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "customer_id")
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private String email;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected OneTimeToken() {
        // for Hibernate
    }

    public OneTimeToken(String tokenHash, UUID customerId, Purpose purpose, String email, Instant expiresAt) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.customerId = Objects.requireNonNull(customerId);
        this.purpose = Objects.requireNonNull(purpose);
        this.email = Objects.requireNonNull(email);
        this.expiresAt = expiresAt;
    }

    /**
     * Uses the token for {@code expected} on behalf of {@code customer}; refused (422 {@code invalid-token}, one answer
     * for every cause, so a guesser learns nothing) when it was used, expired, is for something else, or was sent to
     * an address the account no longer has.
     */
    public void redeem(Purpose expected, Customer customer, Instant now) {
        boolean valid = usedAt == null && now.isBefore(expiresAt) && purpose == expected
                && customer.id().equals(customerId) && customer.email().equals(email);
        if (!valid) {
            throw invalid();
        }
        usedAt = now;
    }

    public static CustomerRuleViolation invalid() {
        return new CustomerRuleViolation(CustomerRuleViolation.Kind.UNPROCESSABLE, "invalid-token",
                "the link is invalid, expired or already used; ask for a new one");
    }

    public UUID customerId() {
        return customerId;
    }

    public Purpose purpose() {
        return purpose;
    }
}
