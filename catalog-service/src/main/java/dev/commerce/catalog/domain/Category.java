package dev.commerce.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A node of the category tree: shoppers browse by it, products sit in one or several. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private UUID id;
    @Column(name = "parent_id")
    private UUID parentId;
    private String slug;
    private String name;
    private int position;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Category() {
        // for Hibernate
    }

    public Category(UUID parentId, String slug, String name, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.parentId = parentId;
        this.slug = Objects.requireNonNull(slug);
        this.name = Objects.requireNonNull(name);
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName, int newPosition, Instant now) {
        this.name = Objects.requireNonNull(newName);
        this.position = newPosition;
        this.updatedAt = now;
    }

    /** Moves under another parent (null: to the top level); the caller has made sure no cycle results. */
    public void moveTo(UUID newParentId, Instant now) {
        this.parentId = newParentId;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID parentId() {
        return parentId;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public int position() {
        return position;
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
