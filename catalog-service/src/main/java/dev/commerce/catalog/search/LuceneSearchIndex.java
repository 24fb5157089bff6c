package dev.commerce.catalog.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.config.StorefrontConfig;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.SearchFacets;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.listing.IndexChange;
import dev.commerce.catalog.domain.listing.ListedCategory;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.LocalizedContent;
import dev.commerce.catalog.domain.listing.PriceBands;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront's read side on an embedded Apache Lucene index in a local directory. Documents are searched,
 * filtered, sorted and faceted by Lucene; the products themselves are also held in memory (built from the
 * documents' sources at start), so a page is rendered without reading PostgreSQL. A batch of product or category
 * changes is searchable once applied, one of stock levels only within a second (as an Elasticsearch index refreshes
 * by default); every batch is committed with the topic positions it reaches within a second (and when the service
 * stops), so a restart resumes from there: after a crash the feed applies at most that second's events again, which
 * changes nothing (a stock level carries its sequence, a product its whole state).
 */
@ApplicationScoped
public class LuceneSearchIndex implements SearchIndex {

    private static final Logger LOG = Logger.getLogger(LuceneSearchIndex.class);
    /**
     * Changes of the documents' layout bump it: an index of another format, or of other languages, is rebuilt from
     * the topics.
     */
    static final String FORMAT = "4";
    private static final String FORMAT_KEY = "format";
    private static final String POSITIONS_KEY = "positions";
    /** How long the feed must have applied nothing before the index is compacted. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The share of the index changed since the last compaction that makes the next quiet moment compact it. */
    private static final double COMPACT_SHARE = 0.05;

    private record Stock(Availability level, long sequence) {
    }

    private final StorefrontConfig config;
    private final ShopLocales locales;
    private final ObjectMapper json;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final Map<UUID, ListedProduct> products = new ConcurrentHashMap<>();
    /** Product ids by {@code language:slug}: a product's slug in each of the shop's languages, and its translations'. */
    private final Map<String, UUID> slugs = new ConcurrentHashMap<>();
    private final Map<String, UUID> productOfSku = new ConcurrentHashMap<>();
    private final Map<String, Stock> stock = new ConcurrentHashMap<>();
    private final Map<UUID, ListedCategory> categories = new ConcurrentHashMap<>();
    private final SegmentIds segmentIds = new SegmentIds();
    private volatile CategoryTree tree = CategoryTree.of(List.of());
    private volatile Map<String, Long> positions = Map.of();

    private Path directory;
    private boolean temporary;
    private FSDirectory store;
    private IndexWriter writer;
    private SearcherManager searchers;
    private IndexDocuments documents;
    private TextQueries text;
    private ProductQueries queries;
    /**
     * Searches running at once, at most one per core: more only interleave on the cores and evict each other's
     * index data from the CPU caches (in-process, 10,000 products: 3,070 searches/s from 2 threads, 1,950/s from
     * 32); requests beyond it wait their turn.
     */
    private final Semaphore searching = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final AtomicLong changedSinceCompaction = new AtomicLong();
    private volatile long lastAppliedNanos = System.nanoTime();
    /** Applied batches not committed yet: a commit (an fsync of the index's files) per batch cost most of the feed. */
    private boolean uncommitted;
    private final ScheduledExecutorService upkeep = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "search-index-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    public LuceneSearchIndex(StorefrontConfig config, ShopLocales locales, ObjectMapper json) {
        this.config = config;
        this.locales = locales;
        this.json = json;
    }

    @PostConstruct
    void open() {
        try {
            temporary = config.indexDirectory().isEmpty();
            directory = temporary ? Files.createTempDirectory("catalog-search") : config.indexDirectory().get();
            Files.createDirectories(directory);
            store = FSDirectory.open(directory);
            writer = new IndexWriter(store, new IndexWriterConfig(analyzers).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setMergePolicy(fewSegments())
                    .setCommitOnClose(false));
            documents = new IndexDocuments(json, locales.languages());
            text = new TextQueries(analyzers);
            queries = new ProductQueries(text);
            Map<String, String> committed = new HashMap<>();
            if (DirectoryReader.indexExists(store)) {
                try (DirectoryReader reader = DirectoryReader.open(store)) {
                    committed.putAll(reader.getIndexCommit().getUserData());
                }
            }
            if (format().equals(committed.get(FORMAT_KEY))) {
                positions = Map.copyOf(json.readValue(committed.get(POSITIONS_KEY), new TypeReference<Map<String, Long>>() { }));
                load();
                LOG.infof("search index in %s resumed at %s: %d products, %d categories, %d stock levels",
                        directory, positions, products.size(), categories.size(), stock.size());
            } else {
                writer.deleteAll();
                LOG.infof("search index in %s is new: building it from the beginning of the topics", directory);
            }
            searchers = new SearcherManager(writer, null);
            upkeep.scheduleWithFixedDelay(this::upkeep, 1, 1, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        upkeep.shutdownNow();
        try {
            upkeep.awaitTermination(10, TimeUnit.SECONDS); // a compaction in progress ends before the writer closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            try {
                commitApplied(); // a stop keeps what was applied; after a crash it comes again from the topics
            } finally {
                writer.close();
            }
        }
        if (store != null) {
            store.close();
        }
        if (temporary && directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Every search pays per segment (term lookups, scorers, doc values), and the index gets a small segment with
     * every batch it applies: merge eagerly into few segments. Reads vastly outnumber writes on a storefront.
     */
    private static TieredMergePolicy fewSegments() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(2);
        policy.setFloorSegmentMB(16);
        return policy;
    }

    /**
     * Once the feed has been quiet for a moment after a bulk of changes (a fresh instance's catch-up, an import, a
     * stock sweep), merges the index into one segment without deleted documents: every search then looks each term
     * up once instead of once per segment (measured in bench/catalog/REPORT.md). Merges the policy finished in the
     * background are made searchable here too; the next batch's commit makes them durable.
     */
    private void upkeep() {
        try {
            commitApplied();
            long changed = changedSinceCompaction.get();
            boolean quiet = System.nanoTime() - lastAppliedNanos > QUIET_NANOS;
            if (quiet && changed > 0 && changed >= COMPACT_SHARE * Math.max(1, writer.getDocStats().numDocs)) {
                changedSinceCompaction.addAndGet(-changed);
                writer.forceMerge(1);
            }
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "search index upkeep failed; it is tried again in a second");
        }
    }

    /** Makes the applied batches and the positions they reached durable, when there are any. */
    synchronized void commitApplied() throws IOException {
        if (uncommitted && writer.isOpen()) {
            writer.commit();
            uncommitted = false;
        }
    }

    /** How many segments a search reads now. */
    int segments() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    /** The documents' layout and the languages they hold. */
    private String format() {
        return FORMAT + "/" + String.join(",", locales.languages());
    }

    @Override
    public Map<String, Long> positions() {
        return positions;
    }

    @Override
    public synchronized void apply(List<IndexChange> changes, Map<String, Long> reached) throws IOException {
        for (IndexChange change : changes) {
            if (change instanceof IndexChange.ProductListed listed) {
                list(listed.product());
            } else if (change instanceof IndexChange.ProductUnlisted unlisted) {
                unlist(unlisted.productId());
            } else if (change instanceof IndexChange.CategoryListed listed) {
                categories.put(listed.category().id(), listed.category());
                writer.updateDocument(key(IndexFields.CATEGORY_KIND, listed.category().id()), documents.category(listed.category()));
            } else if (change instanceof IndexChange.CategoryUnlisted unlisted) {
                categories.remove(unlisted.categoryId());
                writer.deleteDocuments(key(IndexFields.CATEGORY_KIND, unlisted.categoryId()));
            } else if (change instanceof IndexChange.StockChanged changed) {
                stockChanged(changed.level(), changed.sequence());
            }
        }
        tree = CategoryTree.of(categories.values());
        Map<String, Long> next = new HashMap<>(positions);
        next.putAll(reached);
        writer.setLiveCommitData(Map.of(FORMAT_KEY, format(), POSITIONS_KEY, json.writeValueAsString(next)).entrySet());
        // A product or category change is searchable at once. Stock levels only: a product's page shows them at once
        // (from memory), searches and facets at the upkeep's refresh, within a second. A reader reopened for every
        // such batch (four per checkout) made a segment each time and kept the merge thread busy: 90 % of this
        // service's CPU under checkout load (JFR).
        if (!changes.stream().allMatch(change -> change instanceof IndexChange.StockChanged)) {
            searchers.maybeRefreshBlocking();
        }
        uncommitted = true;
        positions = Map.copyOf(next);
        changedSinceCompaction.addAndGet(changes.size());
        lastAppliedNanos = System.nanoTime();
    }

    private void list(ListedProduct product) throws IOException {
        Map<String, Availability> levels = new HashMap<>();
        product.skus().forEach(sku -> {
            Stock known = stock.get(sku);
            if (known != null) {
                levels.put(sku, known.level());
            }
        });
        ListedProduct listed = product.withAvailability(levels);
        ListedProduct before = products.put(listed.id(), listed);
        if (before != null) {
            forget(before);
        }
        remember(listed);
        writer.updateDocument(key(IndexFields.PRODUCT, listed.id()), documents.product(listed));
    }

    private void unlist(UUID productId) throws IOException {
        ListedProduct before = products.remove(productId);
        if (before != null) {
            forget(before);
        }
        writer.deleteDocuments(key(IndexFields.PRODUCT, productId));
    }

    /** The product's slugs and SKUs looked up. */
    private void remember(ListedProduct product) {
        slugKeys(product).forEach(key -> slugs.put(key, product.id()));
        product.skus().forEach(sku -> productOfSku.put(sku, product.id()));
    }

    private void forget(ListedProduct product) {
        slugKeys(product).forEach(key -> slugs.remove(key, product.id()));
        product.skus().forEach(sku -> productOfSku.remove(sku, product.id()));
    }

    /** {@code language:slug} of the product's slug in each of the shop's languages and of each translation. */
    private Set<String> slugKeys(ListedProduct product) {
        Set<String> keys = new java.util.HashSet<>();
        locales.languages().forEach(language -> keys.add(language + ":" + product.in(language).slug()));
        product.translations().forEach((tag, translation) -> {
            if (translation.slug() != null) {
                keys.add(ShopLocales.language(tag) + ":" + translation.slug());
            }
        });
        return keys;
    }

    /** Inventory's level of a SKU, unless an equal or newer one was applied; re-indexes the product holding it. */
    private void stockChanged(Availability level, long sequence) throws IOException {
        Stock known = stock.get(level.sku());
        if (known != null && known.sequence() >= sequence) {
            return;
        }
        stock.put(level.sku(), new Stock(level, sequence));
        if (known != null && known.level().equals(level)) {
            // what a storefront sees did not change (an order's reserved units left with it): nothing to re-index;
            // the stored sequence may stay behind, since the positions committed with this batch are past the event
            return;
        }
        writer.updateDocument(key(IndexFields.STOCK, level.sku()), documents.stock(level, sequence));
        UUID productId = productOfSku.get(level.sku());
        ListedProduct product = productId == null ? null : products.get(productId);
        if (product != null) {
            ListedProduct updated = product.withAvailability(level);
            products.put(productId, updated);
            writer.updateDocument(key(IndexFields.PRODUCT, productId), documents.product(updated));
        }
    }

    @Override
    public Optional<ListedProduct> product(String idOrSlug, String locale) {
        // the slug in the shopper's language first, then a link of another language
        UUID id = slugs.get(ShopLocales.language(locale) + ":" + idOrSlug);
        for (int i = 0; id == null && i < locales.languages().size(); i++) {
            id = slugs.get(locales.languages().get(i) + ":" + idOrSlug);
        }
        if (id == null) {
            try {
                id = UUID.fromString(idOrSlug);
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public Optional<ListedCategory> category(UUID id) {
        return Optional.ofNullable(categories.get(id));
    }

    @Override
    public Page search(ProductQuery query, After after, int limit) {
        Set<String> scope = query.categoryId() == null ? null : tree.subtree(query.categoryId());
        Query matching = queries.matching(query, scope);
        searching.acquireUninterruptibly();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // one pass over the result: the page (one more than asked, to know whether another follows) and the
                // facets of the whole result
                FieldDoc from = after == null ? null : queries.after(query, after, searcher.getIndexReader().maxDoc());
                Object[] results = searcher.search(matching, new MultiCollectorManager(
                        new TopFieldCollectorManager(queries.sort(query), limit + 1, from, Integer.MAX_VALUE),
                        new FacetCounter(query.currency(), ShopLocales.language(query.locale()),
                                prices -> bands(query.currency(), prices))));
                TopDocs top = (TopDocs) results[0];
                SearchFacets facets = (SearchFacets) results[1];
                int shown = Math.min(limit, top.scoreDocs.length);
                List<ListedProduct> page = new ArrayList<>(shown);
                After last = null;
                for (int i = 0; i < shown; i++) {
                    FieldDoc doc = (FieldDoc) top.scoreDocs[i];
                    UUID id = ProductQueries.id(doc);
                    ListedProduct product = products.get(id);
                    if (product != null) { // unlisted since this searcher opened
                        page.add(product);
                    }
                    last = new After(ProductQueries.sortKey(doc), id);
                }
                long total = facets.priceBands().values().stream().mapToLong(Long::longValue).sum();
                return new Page(page, top.scoreDocs.length > limit ? last : null, total, facets);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be read", e);
        } finally {
            searching.release();
        }
    }

    @Override
    public List<Suggestion> suggest(String typed, String locale, int limit) {
        Query names = text.suggest(typed, ShopLocales.language(locale));
        if (names == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // only products and categories have names (IndexDocuments), so the names need no filter by kind
                TopDocs top = searcher.search(names, limit);
                List<Suggestion> suggestions = new ArrayList<>();
                // the hits' ids from the segments' id arrays, their texts from memory: no stored document is read
                UUID[] ids = segmentIds.of(searcher.getIndexReader(), top.scoreDocs);
                for (UUID id : ids) {
                    ListedProduct product = id == null ? null : products.get(id);
                    ListedCategory category = id == null || product != null ? null : categories.get(id);
                    if (product != null) {
                        LocalizedContent content = product.in(locale);
                        suggestions.add(new Suggestion(Suggestion.Kind.PRODUCT, content.name(), product.id(), content.slug()));
                    } else if (category != null) {
                        suggestions.add(new Suggestion(Suggestion.Kind.CATEGORY, category.nameIn(locale), category.id(),
                                category.slugIn(locale)));
                    }
                }
                return suggestions;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index could not be read", e);
        }
    }

    /** The currency's configured bands, else bands derived from the result's own prices (reordered on the way). */
    private PriceBands bands(String currency, long[] prices) {
        List<java.math.BigDecimal> configured = config.priceBands().get(currency);
        if (configured != null && !configured.isEmpty()) {
            return new PriceBands(configured);
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        PriceSelection.orderAt(prices, PriceBands.positionsRead(prices.length));
        return PriceBands.derive(prices, prices.length, digits);
    }

    /** Rebuilds the memory of products, categories and stock levels from the committed documents' sources. */
    private void load() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            List<ListedProduct> listed = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document document = stored.document(doc);
                    switch (document.get(IndexFields.KIND)) {
                        case IndexFields.PRODUCT -> listed.add(documents.read(document.getBinaryValue(IndexFields.SOURCE), ListedProduct.class));
                        case IndexFields.CATEGORY_KIND -> {
                            ListedCategory category = documents.read(document.getBinaryValue(IndexFields.SOURCE), ListedCategory.class);
                            categories.put(category.id(), category);
                        }
                        case IndexFields.STOCK -> {
                            Availability level = documents.read(document.getBinaryValue(IndexFields.SOURCE), Availability.class);
                            stock.put(level.sku(), new Stock(level, document.getField(IndexFields.SEQUENCE).numericValue().longValue()));
                        }
                        default -> {
                        }
                    }
                }
            }
            Map<String, Availability> levels = new HashMap<>();
            stock.forEach((sku, known) -> levels.put(sku, known.level()));
            for (ListedProduct product : listed) {
                ListedProduct withStock = product.withAvailability(levels);
                products.put(withStock.id(), withStock);
                remember(withStock);
            }
            tree = CategoryTree.of(categories.values());
        }
    }

    private static Term key(String kind, Object id) {
        return new Term(IndexFields.KEY, IndexFields.key(kind, id));
    }
}
