package dev.commerce.catalog.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.config.StorefrontConfig;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.catalog.domain.listing.IndexChange;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.ListedVariant;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search index alone, without HTTP: the storefront benchmark's 10,000 products (same vocabulary, attributes,
 * categories, one price, stock of the first SKU) applied in feed-sized batches, then THREADS threads searching a
 * random vocabulary word (page of 20 by relevance with facets) or asking for suggestions, for ROUNDS rounds of
 * 10 s. Run by bench/catalog/index-bench.sh; it lives in the index's package to open it without Quarkus.
 */
public class IndexBench {

    private static final String[] WORDS = "trail road running walking hiking winter summer light waterproof classic".split(" ");
    private static final List<String> LOCALES = List.of("en", "fr", "pl", "ar", "de");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "search";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path directory = Files.createTempDirectory("index-bench");
        StorefrontConfig config = new StorefrontConfig() {
            public String defaultLocale() { return "en"; }
            public List<String> locales() { return LOCALES; }
            public Optional<Path> indexDirectory() { return Optional.of(directory); }
            public Map<String, List<BigDecimal>> priceBands() { return Map.of(); }
        };
        LuceneSearchIndex index = new LuceneSearchIndex(config, new ShopLocales("en", LOCALES), new ObjectMapper().findAndRegisterModules());
        index.open();
        load(index);
        awaitCompaction(index);
        System.out.printf("10000 products, %d segment(s), %s, %d threads%n", index.segments(), mode, threads);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d: %d/s%n", round, run(index, mode, threads) / 10);
        }
        index.close();
        System.exit(0);
    }

    /** The feed is quiet now: the index merges into one segment within seconds, as a catalog instance's does. */
    private static void awaitCompaction(LuceneSearchIndex index) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (index.segments() > 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the index did not compact within 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // look again in 50 ms
        }
    }

    private static void load(LuceneSearchIndex index) throws Exception {
        List<UUID> categories = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            categories.add(UUID.randomUUID());
        }
        Random random = new Random(42);
        List<IndexChange> batch = new ArrayList<>();
        long offset = 0;
        for (int i = 1; i <= 10_000; i++) {
            String a = WORDS[random.nextInt(10)], b = WORDS[random.nextInt(10)], d = WORDS[random.nextInt(10)];
            BigDecimal price = new BigDecimal(String.format(Locale.ROOT, "%.2f", 10 + random.nextDouble() * 290));
            List<ListedVariant> variants = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                variants.add(new ListedVariant(UUID.randomUUID(), String.format("P%05d-%d", i, v), Map.of("size", "" + (40 + v)),
                        300, true, List.of(new VariantPrice("EUR", price, null))));
            }
            batch.add(new IndexChange.ProductListed(new ListedProduct(UUID.randomUUID(), String.format("product-%05d", i),
                    a + " " + b + " shoe " + i, "A " + d + " shoe for " + a + " days", List.of(categories.get(i % 10)),
                    Map.of("colour", new String[]{"black", "blue", "red", "green"}[i % 4], "drop", i % 12), List.of(), List.of(),
                    "standard", variants, Instant.ofEpochMilli(1_700_000_000_000L + i), Map.of(), "en", Map.of())));
            if (batch.size() == 500) {
                index.apply(batch, Map.of("catalog.product.v1:0", offset += 500));
                batch = new ArrayList<>();
            }
        }
        for (int i = 1; i <= 10_000; i++) {
            batch.add(new IndexChange.StockChanged(new Availability(String.format("P%05d-1", i), 10, "IN_STOCK", null), 1));
            if (batch.size() == 100) {
                index.apply(batch, Map.of("inventory.stock-level.v1:0", offset += 100));
                batch = new ArrayList<>();
            }
        }
    }

    private static long run(LuceneSearchIndex index, String mode, int threadCount) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 10_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(() -> {
                Random random = new Random();
                while (System.nanoTime() < end) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    if (mode.equals("search")) {
                        ProductQuery query = new ProductQuery(word, null, "EUR", null, null, Map.of(), false,
                                ProductQuery.Sort.RELEVANCE, "en");
                        if (index.search(query, null, 20).products().isEmpty()) {
                            throw new IllegalStateException("no result for " + word);
                        }
                    } else {
                        index.suggest(word.substring(0, 3 + random.nextInt(Math.min(4, word.length() - 2))), "en", 8);
                    }
                    done.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get();
    }
}
