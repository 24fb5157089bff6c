package dev.commerce.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.commerce.catalog.domain.listing.ListedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;

import java.util.UUID;

/**
 * Rendered storefront product pages, per product, currency and locale, kept in memory. An entry remembers the read-side
 * product it was rendered from; the index replaces that object on every change of the product or of a SKU's
 * availability, so an entry of an older one is rendered again: an instance never serves a page older than its
 * index, with no invalidation message to miss.
 */
@ApplicationScoped
public class ProductPages {

    /** At most this many pages (about 2 KB each) are kept; the least used go first. */
    static final long MAX_PAGES = 50_000;

    /** A page: its JSON, its strong ETag, and the product it shows. */
    public record Page(ListedProduct source, String body, EntityTag tag) {
    }

    private record Key(UUID productId, String currency, String locale) {
    }

    private final Cache<Key, Page> pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).build();
    private final ObjectMapper json;

    public ProductPages(ObjectMapper json) {
        this.json = json;
    }

    public Page of(ListedProduct product, String currency, String locale) {
        Key key = new Key(product.id(), currency, locale);
        Page cached = pages.getIfPresent(key);
        if (cached != null && cached.source() == product) {
            return cached;
        }
        Page page = render(product, currency, locale);
        pages.put(key, page);
        return page;
    }

    private Page render(ListedProduct product, String currency, String locale) {
        try {
            String body = json.writeValueAsString(ProductResponses.Shop.of(product, currency, locale));
            return new Page(product, body, StorefrontProductResource.tag(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render product " + product.id(), e);
        }
    }
}
