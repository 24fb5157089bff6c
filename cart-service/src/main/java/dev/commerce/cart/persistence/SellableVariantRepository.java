package dev.commerce.cart.persistence;

import dev.commerce.cart.domain.SellableVariant;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SellableVariantRepository implements PanacheRepositoryBase<SellableVariant, String> {

    public Optional<SellableVariant> bySku(String sku) {
        return findByIdOptional(sku);
    }

    public List<SellableVariant> ofProduct(UUID productId) {
        return list("productId", productId);
    }

    public List<SellableVariant> bySkus(Collection<String> skus) {
        return skus.isEmpty() ? List.of() : list("sku IN ?1", skus);
    }
}
