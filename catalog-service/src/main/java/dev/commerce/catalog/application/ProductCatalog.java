package dev.commerce.catalog.application;

import dev.commerce.catalog.domain.Product;
import dev.commerce.catalog.domain.ProductDraft;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.catalog.messaging.ProductEvents;
import dev.commerce.catalog.persistence.ProductRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Managing products: create, update, set prices, archive; each change checked against the rest of the catalog
 * (slugs unique per locale, unique SKUs, existing categories and related products) and announced as an event in its transaction.
 */
@ApplicationScoped
@Transactional
public class ProductCatalog {

    private static final Logger LOG = Logger.getLogger(ProductCatalog.class);

    private final ProductRepository products;
    private final ProductEvents events;
    private final Clock clock;

    public ProductCatalog(ProductRepository products, ProductEvents events, Clock clock) {
        this.clock = clock;
        this.products = products;
        this.events = events;
    }

    public Product create(ProductDraft draft) {
        Product product = new Product(draft, Instant.now(clock));
        checkAgainstCatalog(draft, product.id());
        products.add(product);
        products.flush(); // constraint violations surface here, not at commit
        events.upserted(product);
        LOG.infof("Created product %s (%s) with %d variant(s)", product.id(), product.slug(), draft.variants().size());
        return product;
    }

    public Product update(UUID id, ProductDraft draft, LongConsumer checkVersion) {
        Product product = get(id);
        checkVersion.accept(product.version());
        checkAgainstCatalog(draft, id);
        product.apply(draft, Instant.now(clock));
        products.flush(); // the response and the event show the bumped version
        events.upserted(product);
        return product;
    }

    public Product setPrices(UUID id, UUID variantId, List<VariantPrice> prices, LongConsumer checkVersion) {
        Product product = get(id);
        checkVersion.accept(product.version());
        product.setPrices(variantId, prices, Instant.now(clock));
        products.flush(); // the response and the event show the bumped version
        events.upserted(product);
        return product;
    }

    /** Archives a product: hidden from shoppers for good; its SKUs are announced as archived. Idempotent. */
    public Product archive(UUID id, LongConsumer checkVersion) {
        Product product = get(id);
        checkVersion.accept(product.version());
        if (product.status() != dev.commerce.catalog.domain.ProductStatus.ARCHIVED) {
            product.archive(Instant.now(clock));
            products.flush();
            events.archived(product);
        }
        return product;
    }

    /**
     * Applies one import line in a transaction of its own: creates the product, or replaces the product with the
     * same slug (so an import can be run again to correct it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Product importLine(ProductDraft draft) {
        Optional<Product> existing = products.bySlug(draft.slug());
        return existing.isPresent() ? update(existing.get().id(), draft, version -> { }) : create(draft);
    }

    /** Announces every product again as it is (for consumers rebuilding a read model); returns how many. */
    public int republishAll() {
        int announced = 0;
        for (Product product : (Iterable<Product>) products.all()::iterator) {
            if (product.status() == dev.commerce.catalog.domain.ProductStatus.ARCHIVED) {
                events.archived(product);
            } else {
                events.upserted(product);
            }
            announced++;
        }
        return announced;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Product get(UUID id) {
        return products.byId(id).orElseThrow(() -> ProblemException.notFound("product", id));
    }

    /** Unique slug and SKUs, categories and related products that exist. */
    private void checkAgainstCatalog(ProductDraft draft, UUID productId) {
        if (products.slugTaken(draft.slug(), productId)) {
            throw ProblemException.conflict("duplicate-slug", "a product with slug '" + draft.slug() + "' exists");
        }
        draft.translations().forEach((locale, translation) -> {
            if (translation.slug() != null && products.slugTaken(translation.slug(), locale, productId)) {
                throw ProblemException.conflict("duplicate-slug", "a product with slug '" + translation.slug()
                        + "' exists in locale " + locale);
            }
        });
        List<String> skus = draft.variants().stream().map(ProductDraft.VariantDraft::sku).toList();
        List<String> taken = products.skusTaken(skus, productId);
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("duplicate-sku", "SKU(s) " + String.join(", ", taken) + " belong to another product");
        }
        Set<UUID> categories = products.existingCategories(draft.categoryIds());
        unknown(draft.categoryIds(), categories).ifPresent(index -> {
            throw ProblemException.invalidField("categoryIds[" + index + "]", "no category " + draft.categoryIds().get(index));
        });
        Set<UUID> related = products.existing(new HashSet<>(draft.related()));
        unknown(draft.related(), related).ifPresent(index -> {
            throw ProblemException.invalidField("related[" + index + "]", "no product " + draft.related().get(index));
        });
    }

    private static Optional<Integer> unknown(List<UUID> asked, Set<UUID> existing) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!existing.contains(asked.get(i))) {
                missing.add(i);
            }
        }
        return missing.stream().findFirst();
    }
}
