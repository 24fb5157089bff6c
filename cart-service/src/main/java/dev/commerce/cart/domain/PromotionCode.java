package dev.commerce.cart.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A code that unlocks a promotion; {@code usageLimit} 1 makes it single-use (bulk-generated codes are). */
@Entity
@Table(name = "promotion_code")
public class PromotionCode {

    @Id
    private String code;
    @Column(name = "promotion_id")
    private UUID promotionId;
    @Column(name = "usage_limit")
    private Integer usageLimit;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PromotionCode() {
        // for Hibernate
    }

    public PromotionCode(String code, UUID promotionId, Integer usageLimit, Instant now) {
        this.code = normalize(code);
        if (!this.code.matches("[A-Z0-9][A-Z0-9_-]{2,63}")) {
            throw new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", "code",
                    "a code is 3 to 64 letters, digits, '-' or '_'");
        }
        this.promotionId = promotionId;
        this.usageLimit = usageLimit;
        this.createdAt = now;
    }

    /** Codes are matched case-insensitively: stored and compared upper-case. */
    public static String normalize(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    public UUID promotionId() {
        return promotionId;
    }

    public Integer usageLimit() {
        return usageLimit;
    }
}
