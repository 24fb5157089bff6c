package dev.commerce.catalog.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
    /** The name and slug in the shop's other locales, keyed by BCP 47 tag. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, CategoryTranslation> translations = new TreeMap<>();
    /** The translations' slugs, one row each, so the database keeps them unique per locale. */
    @ElementCollection
    @CollectionTable(name = "category_slug", joinColumns = @JoinColumn(name = "category_id"))
    @MapKeyColumn(name = "locale")
    @Column(name = "slug")
    private Map<String, String> translatedSlugs = new HashMap<>();
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

    /** Replaces the translations (the default locale's name and slug stay). */
    public void translate(Map<String, CategoryTranslation> newTranslations, Instant now) {
        translations = new TreeMap<>(newTranslations);
        translatedSlugs.clear();
        translatedSlugs.putAll(ShopLocales.slugsOf(translations, CategoryTranslation::slug));
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

    public Map<String, CategoryTranslation> translations() {
        return Collections.unmodifiableMap(translations);
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
