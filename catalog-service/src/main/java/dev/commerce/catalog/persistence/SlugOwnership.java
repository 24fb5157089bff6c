package dev.commerce.catalog.persistence;

import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * Who may use a slug, for products and categories alike: a default-locale slug must be nobody else's in any locale;
 * a translated slug nobody else's default slug nor theirs in the same locale. So a link resolves to one product
 * in its own locale, and a default slug to one product in every locale.
 */
final class SlugOwnership {

    /** Any locale, for {@link #taken}. */
    static final String ANY_LOCALE = "*";

    private SlugOwnership() {
    }

    /**
     * Whether another row of {@code table} than {@code except} uses {@code slug} as its default slug, or in
     * {@code locale} ({@link #ANY_LOCALE}: in any) through {@code slugTable} (rows of owner, locale, slug).
     */
    static boolean taken(EntityManager entityManager, String table, String slugTable, String ownerColumn, String slug,
                         String locale, UUID except) {
        Object taken = entityManager.createNativeQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE slug = ?1 AND id <> ?3)"
                        + " OR EXISTS (SELECT 1 FROM " + slugTable + " WHERE slug = ?1 AND " + ownerColumn + " <> ?3"
                        + " AND (?2 = '" + ANY_LOCALE + "' OR locale = ?2))")
                .setParameter(1, slug).setParameter(2, locale).setParameter(3, except).getSingleResult();
        return Boolean.TRUE.equals(taken);
    }
}
