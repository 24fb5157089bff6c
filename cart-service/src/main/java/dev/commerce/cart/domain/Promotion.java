package dev.commerce.cart.domain;

import dev.commerce.cart.domain.promotion.PromotionAction;
import dev.commerce.cart.domain.promotion.PromotionConditions;
import dev.commerce.cart.domain.promotion.PromotionOffer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A promotion the merchant runs: automatic (applies by itself) or unlocked by one of its codes; its conditions,
 * action, priority and stacking flags, validity window and usage limits (total, and per customer: a guest is
 * counted by the checkout email).
 */
@Entity
@Table(name = "promotion")
public class Promotion {

    @Id
    private UUID id;
    private String name;
    private String description;
    private boolean automatic;
    private boolean active;
    private int priority;
    private boolean exclusive;
    private boolean combinable;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    @Column(name = "usage_limit")
    private Integer usageLimit;
    @Column(name = "per_customer_limit")
    private Integer perCustomerLimit;
    @JdbcTypeCode(SqlTypes.JSON)
    private PromotionConditions conditions;
    @JdbcTypeCode(SqlTypes.JSON)
    private PromotionAction action;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;

    /** The merchant's definition of a promotion. */
    public record Definition(String name, String description, boolean automatic, boolean active, int priority,
                             boolean exclusive, boolean combinable, Instant startsAt, Instant endsAt, Integer usageLimit,
                             Integer perCustomerLimit, PromotionConditions conditions, PromotionAction action) {
    }

    protected Promotion() {
        // for Hibernate
    }

    public Promotion(Definition definition, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        change(definition);
    }

    public void change(Definition definition) {
        validate(definition);
        this.name = definition.name();
        this.description = definition.description();
        this.automatic = definition.automatic();
        this.active = definition.active();
        this.priority = definition.priority();
        this.exclusive = definition.exclusive();
        this.combinable = definition.combinable();
        this.startsAt = definition.startsAt();
        this.endsAt = definition.endsAt();
        this.usageLimit = definition.usageLimit();
        this.perCustomerLimit = definition.perCustomerLimit();
        this.conditions = definition.conditions() == null ? PromotionConditions.NONE : definition.conditions();
        this.action = definition.action();
    }

    private static void validate(Definition definition) {
        PromotionAction action = definition.action();
        if (definition.startsAt() != null && definition.endsAt() != null && !definition.endsAt().isAfter(definition.startsAt())) {
            throw invalid("endsAt", "must be after startsAt");
        }
        switch (action.type()) {
            case ORDER_PERCENTAGE, LINE_PERCENTAGE -> requirePercent(action.percent(), "action.percent");
            case ORDER_FIXED, LINE_FIXED -> {
                if (action.amounts().isEmpty() || action.amounts().values().stream().anyMatch(amount -> amount.signum() <= 0)) {
                    throw invalid("action.amounts", "needs a positive amount per currency");
                }
            }
            case BUY_X_GET_Y -> {
                if (action.buyQuantity() == null || action.buyQuantity() < 1 || action.getQuantity() == null || action.getQuantity() < 1) {
                    throw invalid("action.buyQuantity", "buy X get Y needs buyQuantity and getQuantity of at least 1");
                }
                if (action.percent() != null) {
                    requirePercent(action.percent(), "action.percent");
                }
            }
            case TIERED -> {
                if (action.tiers().isEmpty() || action.tiers().stream().anyMatch(tier -> tier.thresholds().isEmpty()
                        || (tier.percent() == null) == tier.amounts().isEmpty())) {
                    throw invalid("action.tiers", "each tier needs thresholds and either a percent or amounts");
                }
            }
            case FREE_SHIPPING -> {
                // nothing to check
            }
        }
    }

    private static void requirePercent(BigDecimal percent, String field) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw invalid(field, "must be above 0 and at most 100");
        }
    }

    private static CartRuleViolation invalid(String field, String message) {
        return new CartRuleViolation(CartRuleViolation.Kind.INVALID, "validation", "Invalid request", field, message);
    }

    /** The promotion as the engine weighs it, unlocked by {@code code} (null for an automatic one). */
    public PromotionOffer offer(String code) {
        return new PromotionOffer(id, name, code, priority, exclusive, combinable, startsAt, endsAt, conditions, action);
    }

    public boolean activeAt(Instant now) {
        return active && (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean automatic() {
        return automatic;
    }

    public boolean active() {
        return active;
    }

    public int priority() {
        return priority;
    }

    public boolean exclusive() {
        return exclusive;
    }

    public boolean combinable() {
        return combinable;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Integer usageLimit() {
        return usageLimit;
    }

    public Integer perCustomerLimit() {
        return perCustomerLimit;
    }

    public PromotionConditions conditions() {
        return conditions;
    }

    public PromotionAction action() {
        return action;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
