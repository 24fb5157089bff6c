package dev.commerce.customer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An address of a customer's address book, possibly their default for shipping or billing. */
@Entity
@Table(name = "customer_address")
public class CustomerAddress {

    /** The postal fields, the same as a cart's address, so a storefront sends one to the other unchanged. */
    public record Fields(String firstName, String lastName, String company, String line1, String line2,
                         String postalCode, String city, String region, String country, String phone) {
    }

    @Id
    private UUID id;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    private String company;
    private String line1;
    private String line2;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    private String region;
    private String country;
    private String phone;
    @Column(name = "default_shipping")
    private boolean defaultShipping;
    @Column(name = "default_billing")
    private boolean defaultBilling;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CustomerAddress() {
        // for Hibernate
    }

    public CustomerAddress(UUID customerId, Fields fields, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = Objects.requireNonNull(customerId);
        this.createdAt = now;
        change(fields);
    }

    public void change(Fields fields) {
        this.firstName = fields.firstName();
        this.lastName = fields.lastName();
        this.company = fields.company();
        this.line1 = fields.line1();
        this.line2 = fields.line2();
        this.postalCode = fields.postalCode();
        this.city = fields.city();
        this.region = fields.region();
        this.country = fields.country();
        this.phone = fields.phone();
    }

    public void markDefaultShipping(boolean value) {
        this.defaultShipping = value;
    }

    public void markDefaultBilling(boolean value) {
        this.defaultBilling = value;
    }

    public Fields fields() {
        return new Fields(firstName, lastName, company, line1, line2, postalCode, city, region, country, phone);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public boolean defaultShipping() {
        return defaultShipping;
    }

    public boolean defaultBilling() {
        return defaultBilling;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
