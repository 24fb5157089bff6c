package dev.commerce.catalog.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.SearchIndex;
import dev.commerce.catalog.config.StorefrontConfig;
import dev.commerce.catalog.domain.Availability;
import dev.commerce.catalog.domain.ProductQuery;
import dev.commerce.catalog.domain.ProductTranslation;
import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.catalog.domain.VariantPrice;
import dev.commerce.catalog.domain.listing.IndexChange;
import dev.commerce.catalog.domain.listing.ListedCategory;
import dev.commerce.catalog.domain.listing.ListedProduct;
import dev.commerce.catalog.domain.listing.ListedVariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded index on its own: language analysis, typos, prefixes, suggestions, and resuming after a restart. */
class LuceneSearchIndexTest {

    @TempDir
    Path directory;
    private final List<LuceneSearchIndex> opened = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private long created = 1_700_000_000_000L;
    private String defaultLocale;

    private LuceneSearchIndex open(String locale, String... others) {
        StorefrontConfig config = new StorefrontConfig() {
            @Override
            public String defaultLocale() {
                return locale;
            }

            @Override
            public List<String> locales() {
                return List.of(others);
            }

            @Override
            public Optional<Path> indexDirectory() {
                return Optional.of(directory);
            }

            @Override
            public Map<String, List<BigDecimal>> priceBands() {
                return Map.of("EUR", List.of(new BigDecimal("50")));
            }
        };
        defaultLocale = locale;
        LuceneSearchIndex index = new LuceneSearchIndex(config, new ShopLocales(locale, List.of(others)), json);
        index.open();
        opened.add(index);
        return index;
    }

    @AfterEach
    void close() throws Exception {
        for (LuceneSearchIndex index : opened) {
            index.close();
        }
    }

    private ListedProduct product(String name, String description, String sku, String price, UUID... categories) {
        return new ListedProduct(UUID.randomUUID(), name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + created, name,
                description, List.of(categories), Map.of(), List.of(), List.of(), "standard",
                List.of(new ListedVariant(UUID.randomUUID(), sku, Map.of(), 500, true,
                        List.of(new VariantPrice("EUR", new BigDecimal(price), null)))),
                Instant.ofEpochMilli(created++), Map.of(), defaultLocale, Map.of());
    }

    /** The product with its texts translated into other locales. */
    private static ListedProduct translated(ListedProduct product, Map<String, ProductTranslation> translations) {
        return new ListedProduct(product.id(), product.slug(), product.name(), product.description(), product.categoryIds(),
                product.attributes(), product.media(), product.related(), product.taxCategory(), product.variants(),
                product.createdAt(), product.availability(), product.locale(), translations);
    }

    private static void listAll(SearchIndex index, Map<String, Long> positions, ListedProduct... products) throws Exception {
        List<IndexChange> changes = new ArrayList<>();
        for (ListedProduct product : products) {
            changes.add(new IndexChange.ProductListed(product));
        }
        index.apply(changes, positions);
    }

    private List<String> names(SearchIndex index, String text) {
        return names(index, text, defaultLocale);
    }

    /** The names, in the default locale, of what a search in {@code locale} finds. */
    private static List<String> names(SearchIndex index, String text, String locale) {
        return index.search(new ProductQuery(text, null, "EUR", null, null, Map.of(), false, ProductQuery.Sort.RELEVANCE, locale), null, 20)
                .products().stream().map(ListedProduct::name).toList();
    }

    @Test
    void a_bulk_of_changes_is_compacted_into_one_segment_once_the_feed_is_quiet() throws Exception {
        LuceneSearchIndex index = open("en");
        for (int batch = 0; batch < 12; batch++) {
            listAll(index, Map.of("catalog.product.v1:0", (long) batch), product("Trail shoe " + batch, "Light", "B-" + batch, "50.00"));
        }
        assertThat(index.segments()).isGreaterThan(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> index.segments() == 1);
        assertThat(names(index, "trail")).hasSize(12);
    }

    @Test
    void french_words_match_their_plural_and_accents_and_elisions_fold() throws Exception {
        LuceneSearchIndex index = open("fr");
        listAll(index, Map.of(), product("Chaussures de randonnée", "Cuir imperméable", "FR-1", "120.00"),
                product("L'écharpe en laine", "Chaude", "FR-2", "30.00"));
        assertThat(names(index, "chaussure")).containsExactly("Chaussures de randonnée");
        assertThat(names(index, "randonnee impermeable")).containsExactly("Chaussures de randonnée");
        assertThat(names(index, "écharpes")).containsExactly("L'écharpe en laine");
        assertThat(names(index, "l'écharpe")).containsExactly("L'écharpe en laine");
    }

    @Test
    void polish_and_arabic_words_are_stemmed() throws Exception {
        LuceneSearchIndex polish = open("pl");
        listAll(polish, Map.of(), product("Buty do biegania", "Lekkie buty", "PL-1", "200.00"));
        assertThat(names(polish, "butów")).containsExactly("Buty do biegania");
        polish.close();
        opened.clear();
        java.nio.file.Files.walk(directory).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(directory))
                .forEach(p -> p.toFile().delete());
        LuceneSearchIndex arabic = open("ar");
        listAll(arabic, Map.of(), product("حذاء رياضي", "خفيف", "AR-1", "90.00"));
        assertThat(names(arabic, "الحذاء")).containsExactly("حذاء رياضي");
    }

    @Test
    void one_typo_in_a_long_word_still_finds_it_ranked_below_exact_matches() throws Exception {
        LuceneSearchIndex index = open("en");
        listAll(index, Map.of(), product("Leather sandal", "", "EN-1", "40.00"),
                product("Beach sandel", "", "EN-2", "20.00"), product("Red cap", "", "EN-3", "10.00"));
        assertThat(names(index, "sandal")).containsExactly("Leather sandal", "Beach sandel");
        assertThat(names(index, "sanddal")).as("two edits from sandel").containsExactly("Leather sandal");
        assertThat(names(index, "cap")).containsExactly("Red cap");
        assertThat(names(index, "cop")).as("short words need an exact match").isEmpty();
        assertThat(names(index, "leather san")).as("the last word is a prefix").containsExactly("Leather sandal");
    }

    @Test
    void suggestions_complete_names_and_categories_with_a_typo_allowed() throws Exception {
        LuceneSearchIndex index = open("en");
        UUID trail = UUID.randomUUID();
        index.apply(List.of(new IndexChange.CategoryListed(new ListedCategory(trail, null, "trail", "Trail running", "/trail", 0, "en", Map.of()))),
                Map.of());
        listAll(index, Map.of(), product("Trail Runner", "", "SG-1", "99.00", trail), product("Road Runner", "", "SG-2", "89.00"));
        assertThat(index.suggest("trai", "en", 10)).extracting(SearchIndex.Suggestion::text)
                .containsExactlyInAnyOrder("Trail Runner", "Trail running");
        assertThat(index.suggest("runn", "en", 10)).extracting(SearchIndex.Suggestion::text)
                .containsExactlyInAnyOrder("Trail Runner", "Road Runner", "Trail running");
        assertThat(index.suggest("road rinne", "en", 10)).extracting(SearchIndex.Suggestion::text).containsExactly("Road Runner");
        assertThat(index.suggest("trail ru", "en", 10)).extracting(SearchIndex.Suggestion::kind)
                .contains(SearchIndex.Suggestion.Kind.CATEGORY, SearchIndex.Suggestion.Kind.PRODUCT);
    }

    @Test
    void a_restarted_index_resumes_with_its_positions_products_and_stock() throws Exception {
        LuceneSearchIndex index = open("en");
        ListedProduct kept = product("Kept boot", "", "RS-1", "70.00");
        ListedProduct removed = product("Removed boot", "", "RS-2", "60.00");
        listAll(index, Map.of("catalog.product.v1:0", 2L), kept, removed);
        index.apply(List.of(new IndexChange.ProductUnlisted(removed.id()),
                new IndexChange.StockChanged(new Availability("RS-1", 5, "IN_STOCK", null), 3)), Map.of("catalog.product.v1:0", 3L,
                "inventory.stock-level.v1:1", 7L));
        index.close();
        opened.clear();

        LuceneSearchIndex restarted = open("en");
        assertThat(restarted.positions()).containsExactlyInAnyOrderEntriesOf(Map.of("catalog.product.v1:0", 3L,
                "inventory.stock-level.v1:1", 7L));
        assertThat(restarted.product(kept.slug(), "en")).get().extracting(ListedProduct::inStock).isEqualTo(true);
        assertThat(restarted.product(removed.id().toString(), "en")).isEmpty();
        assertThat(names(restarted, "boot")).containsExactly("Kept boot");
        // an older level of the SKU, replayed, changes nothing
        restarted.apply(List.of(new IndexChange.StockChanged(new Availability("RS-1", 0, "OUT_OF_STOCK", null), 2)), Map.of());
        assertThat(restarted.product(kept.slug(), "en").orElseThrow().inStock()).isTrue();
    }

    @Test
    void applied_batches_are_committed_with_their_positions_within_seconds_without_a_stop() throws Exception {
        LuceneSearchIndex index = open("en");
        listAll(index, Map.of("catalog.product.v1:0", 4L), product("Durable boot", "", "DU-1", "80.00"));
        assertThat(names(index, "durable")).as("searchable at once").containsExactly("Durable boot");
        // what a crash would leave: the last commit on disk, read while the index is still open
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            try (var store = org.apache.lucene.store.FSDirectory.open(directory);
                 var committed = org.apache.lucene.index.DirectoryReader.open(store)) {
                assertThat(committed.getIndexCommit().getUserData().get("positions")).contains("\"catalog.product.v1:0\":4");
                assertThat(committed.numDocs()).isPositive();
            }
        });
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats_and_facets_count_the_whole_result() throws Exception {
        LuceneSearchIndex index = open("en");
        UUID category = UUID.randomUUID();
        List<ListedProduct> products = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            products.add(product("Sock " + i, "", "PG-" + i, i % 2 == 0 ? "10.00" : "60.00", category));
        }
        listAll(index, Map.of(), products.toArray(ListedProduct[]::new));
        ProductQuery query = new ProductQuery(null, category, "EUR", null, null, Map.of(), false, ProductQuery.Sort.PRICE_ASC, "en");
        List<UUID> seen = new ArrayList<>();
        SearchIndex.After after = null;
        do {
            SearchIndex.Page page = index.search(query, after, 10);
            page.products().forEach(product -> seen.add(product.id()));
            assertThat(page.total()).isEqualTo(25);
            assertThat(page.facets().priceBands()).containsExactly(Map.entry("0-50", 13L), Map.entry("50+", 12L));
            assertThat(page.facets().categories()).containsExactly(Map.entry(category, 25L));
            after = page.next();
        } while (after != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(products.stream().map(ListedProduct::id).toList());
    }

    @Test
    void each_locale_is_searched_in_its_own_words_with_the_default_texts_where_a_translation_is_missing() throws Exception {
        LuceneSearchIndex index = open("en", "fr", "pl", "ar");
        ListedProduct shoe = translated(product("Trail shoes", "Light and waterproof", "LC-1", "90.00"), Map.of(
                "fr", new ProductTranslation("chaussures-de-trail", "Chaussures de trail", "Légères et imperméables", Map.of()),
                "pl", new ProductTranslation("buty-trailowe", "Buty trailowe", null, Map.of()),
                "ar", new ProductTranslation("حذاء-جري", "حذاء جري", null, Map.of())));
        ListedProduct untranslated = product("Wool socks", "Warm", "LC-2", "12.00");
        listAll(index, Map.of(), shoe, untranslated);

        assertThat(names(index, "chaussure", "fr")).containsExactly("Trail shoes");
        assertThat(names(index, "chaussure", "en")).as("French words are not English ones").isEmpty();
        assertThat(names(index, "impermeable", "fr")).containsExactly("Trail shoes");
        assertThat(names(index, "butów", "pl")).containsExactly("Trail shoes");
        assertThat(names(index, "الحذاء", "ar")).containsExactly("Trail shoes");
        assertThat(names(index, "light", "pl")).as("the English description where Polish has none").containsExactly("Trail shoes");
        assertThat(names(index, "socks", "fr")).as("no translation: the default texts").containsExactly("Wool socks");

        assertThat(index.product("chaussures-de-trail", "fr")).get().extracting(ListedProduct::id).isEqualTo(shoe.id());
        assertThat(index.product("حذاء-جري", "en")).as("a link of another locale still resolves").get()
                .extracting(ListedProduct::id).isEqualTo(shoe.id());
        assertThat(index.product(shoe.slug(), "fr")).as("the default slug too").isPresent();
        assertThat(index.suggest("chauss", "fr", 5)).extracting(SearchIndex.Suggestion::text, SearchIndex.Suggestion::slug)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chaussures de trail", "chaussures-de-trail"));
    }
}
