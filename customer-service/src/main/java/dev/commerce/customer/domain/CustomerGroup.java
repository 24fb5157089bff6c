package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.regex.Pattern;

/** A group of customers the merchant names ({@code vip}, {@code wholesale}), for promotions and partners. */
@Entity
@Table(name = "customer_group")
public class CustomerGroup {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Id
    private String code;
    private String name;
    private String description;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected CustomerGroup() {
        // for Hibernate
    }

    public CustomerGroup(String code, String name, String description, Instant now) {
        this.code = requireCode(code);
        this.createdAt = now;
        describe(name, description, now);
    }

    public void describe(String newName, String newDescription, Instant now) {
        if (newName == null || newName.isBlank()) {
            throw CustomerRuleViolation.invalidField("invalid-name", "name", "a group needs a name");
        }
        this.name = newName.trim();
        this.description = newDescription;
        this.updatedAt = now;
    }

    /** Group codes are stable identifiers in promotions and events: lower-case words joined by hyphens. */
    public static String requireCode(String code) {
        if (code == null || code.length() > 64 || !CODE.matcher(code).matches()) {
            throw CustomerRuleViolation.invalidField("invalid-group-code", "code",
                    "a group code is 1 to 64 lower-case letters and digits, words joined by hyphens (vip, wholesale-eu)");
        }
        return code;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
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
