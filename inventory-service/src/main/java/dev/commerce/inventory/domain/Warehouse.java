package dev.commerce.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A place that holds stock. Reservations allocate from active warehouses in priority order (lower first);
 * an inactive warehouse keeps its stock but no longer counts towards availability.
 */
@Entity
@Table(name = "warehouse")
public class Warehouse {

    @Id
    private UUID id;
    private String code;
    private String name;
    private String country;
    private int priority;
    private boolean active;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Warehouse() {
        // for Hibernate
    }

    public Warehouse(String code, String name, String country, int priority, boolean active, Instant now) {
        this.id = UUID.randomUUID();
        this.code = Objects.requireNonNull(code);
        this.createdAt = now;
        change(name, country, priority, active, now);
    }

    public void change(String newName, String newCountry, int newPriority, boolean nowActive, Instant now) {
        this.name = Objects.requireNonNull(newName);
        this.country = Objects.requireNonNull(newCountry);
        this.priority = newPriority;
        this.active = nowActive;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String country() {
        return country;
    }

    public int priority() {
        return priority;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
