package dev.commerce.catalog.domain.listing;

import dev.commerce.catalog.domain.Availability;

import java.util.UUID;

/** One event of the storefront's read side, as the search index applies it. */
public sealed interface IndexChange {

    /** A product became or stays active with this content (its availability is the index's own). */
    record ProductListed(ListedProduct product) implements IndexChange {
    }

    /** A product left the storefront: archived, back to draft, or deleted. */
    record ProductUnlisted(UUID productId) implements IndexChange {
    }

    record CategoryListed(ListedCategory category) implements IndexChange {
    }

    record CategoryUnlisted(UUID categoryId) implements IndexChange {
    }

    /** Inventory's level of a SKU; {@code sequence} orders the levels of one SKU (an older one is ignored). */
    record StockChanged(Availability level, long sequence) implements IndexChange {
    }
}
