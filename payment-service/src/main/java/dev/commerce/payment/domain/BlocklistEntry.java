package dev.commerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A value fraud screening refuses outright. Values are kept normalised so a lookup needs no case folding. */
@Entity
@Table(name = "blocklist_entry")
public class BlocklistEntry {

    /** What the value identifies. */
    public enum Kind {
        CUSTOMER, EMAIL, PAYMENT_METHOD, COUNTRY;

        /** E-mail addresses compare case-insensitively, country codes are upper case, the rest as given. */
        public String normalise(String value) {
            String trimmed = value.trim();
            return switch (this) {
                case EMAIL -> trimmed.toLowerCase(Locale.ROOT);
                case COUNTRY -> trimmed.toUpperCase(Locale.ROOT);
                default -> trimmed;
            };
        }
    }

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String value;
    private String reason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected BlocklistEntry() {
        // for Hibernate
    }

    public BlocklistEntry(Kind kind, String value, String reason, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind);
        this.value = kind.normalise(value);
        this.reason = Objects.requireNonNull(reason);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
