package dev.commerce.catalog.domain.listing;

import dev.commerce.catalog.domain.VariantPrice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A variant as the storefront's read side knows it from the product's events. */
public record ListedVariant(UUID id, String sku, Map<String, String> options, Integer weightGrams, boolean active,
                            List<VariantPrice> prices) {

    public ListedVariant {
        options = options == null ? Map.of() : Map.copyOf(options);
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    public Optional<VariantPrice> priceIn(String currency) {
        return prices.stream().filter(price -> price.currency().equals(currency)).findFirst();
    }
}
