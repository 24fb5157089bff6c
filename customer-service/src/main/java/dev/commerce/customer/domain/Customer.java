package dev.commerce.customer.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A customer account: who signs in (normalised e-mail and password hash), the profile, and whether it may. */
@Entity
@Table(name = "customer")
public class Customer {

    public enum Status { ACTIVE, BLOCKED }

    @Id
    private UUID id;
    private String email;
    private String name;
    private String phone;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "email_verified")
    private boolean emailVerified;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "blocked_reason")
    private String blockedReason;
    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "confirmed_orders")
    private int confirmedOrders;
    /** Group codes; few per customer, and every view of a customer shows them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_group_member", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "group_code")
    private Set<String> groups = new TreeSet<>();
    @Version
    private long version;

    protected Customer() {
        // for Hibernate
    }

    /** A new, unverified account for an already normalised e-mail address and a password hash. */
    public Customer(UUID id, String normalisedEmail, String name, String passwordHash, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.email = Objects.requireNonNull(normalisedEmail);
        this.name = requireName(name);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.status = Status.ACTIVE;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName, Instant now) {
        this.name = requireName(newName);
        this.updatedAt = now;
    }

    /** A phone number as the customer writes it, or null to remove it. */
    public void changePhone(String newPhone, Instant now) {
        this.phone = newPhone == null || newPhone.isBlank() ? null : newPhone.trim();
        this.updatedAt = now;
    }

    /** The customer proved they receive mail at the account's address. */
    public void verifyEmail(Instant now) {
        if (!emailVerified) {
            emailVerified = true;
            updatedAt = now;
        }
    }

    public void changePassword(String newPasswordHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    public void block(String reason, Instant now) {
        this.status = Status.BLOCKED;
        this.blockedReason = reason;
        this.updatedAt = now;
    }

    public void unblock(Instant now) {
        this.status = Status.ACTIVE;
        this.blockedReason = null;
        this.updatedAt = now;
    }

    /** Puts the customer in exactly these groups (codes of existing groups). */
    public void assignGroups(Collection<String> codes, Instant now) {
        groups.clear();
        groups.addAll(codes);
        updatedAt = now;
    }

    public void leaveGroup(String code, Instant now) {
        if (groups.remove(code)) {
            updatedAt = now;
        }
    }

    /** order-service confirmed an order of this customer. */
    public void countConfirmedOrder(Instant now) {
        confirmedOrders++;
        updatedAt = now;
    }

    /** A blocked account may not sign in or refresh its sessions. */
    public boolean blocked() {
        return status == Status.BLOCKED;
    }

    /** The same password, hashed at the configured cost (an old hash is upgraded at sign-in). */
    public void upgradePasswordHash(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw CustomerRuleViolation.invalidField("invalid-name", "name", "a name is required");
        }
        return name.trim();
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public Status status() {
        return status;
    }

    public String blockedReason() {
        return blockedReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The group codes, sorted. */
    public java.util.List<String> groups() {
        return java.util.List.copyOf(new TreeSet<>(groups));
    }

    public int confirmedOrders() {
        return confirmedOrders;
    }

    public long version() {
        return version;
    }
}
