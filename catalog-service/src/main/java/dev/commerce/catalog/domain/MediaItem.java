package dev.commerce.catalog.domain;

import jakarta.persistence.Embeddable;

/** One entry of a product's gallery, shown in list order. */
@Embeddable
public record MediaItem(String url, String alt, Type type) {

    /** What the URL shows. */
    public enum Type { IMAGE, VIDEO }
}
