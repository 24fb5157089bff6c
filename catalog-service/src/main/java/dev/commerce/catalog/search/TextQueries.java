package dev.commerce.catalog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What typed text matches, built as queries (never parsed as syntax, so any input is plain text). Every word must
 * match (a stop word may), in any of the weighted fields: the name counts 3, the description 2, attribute values 1.
 * Within a field an exact word (as typed, or its stem) scores the full weight, the last word as a prefix 0.9 of it,
 * and a word of five letters or more with one typo 0.25 of it, so typo matches rank below exact ones. Scores are
 * constant per match, so an order never changes between instances or refreshes.
 */
final class TextQueries {

    record Weighted(String field, float weight) {
    }

    static final List<Weighted> SEARCH_FIELDS = List.of(new Weighted(IndexFields.NAME, 3),
            new Weighted(IndexFields.DESCRIPTION, 2), new Weighted(IndexFields.ATTRIBUTE_TEXT, 1));
    static final List<Weighted> SUGGEST_FIELDS = List.of(new Weighted(IndexFields.NAME, 1));
    static final int TYPO_MIN_LENGTH = 5;
    static final int MAX_WORDS = 10;
    private static final float PREFIX = 0.9f;
    private static final float TYPO = 0.25f;

    /** At most this many built queries are kept: shoppers type the same words and prefixes again and again. */
    static final long CACHED_QUERIES = 10_000;

    private record Key(String text, String language, boolean search) {
    }

    private final Analyzer analyzers;
    /**
     * Built queries by what was typed: a typo-tolerant prefix compiles an automaton, which costs far more than
     * running it; queries are immutable, so every request and searcher may share one.
     */
    private final Cache<Key, Optional<Query>> built = Caffeine.newBuilder().maximumSize(CACHED_QUERIES).build();

    TextQueries(Analyzer analyzers) {
        this.analyzers = analyzers;
    }

    /** Products whose fields in {@code language} match every word of {@code text}; null when it has no words. */
    Query search(String text, String language) {
        return built.get(new Key(text, language, true), key -> Optional.ofNullable(query(text, language, SEARCH_FIELDS, true)))
                .orElse(null);
    }

    /** Names in {@code language} that complete {@code text}: the last word as a prefix, typo-tolerant from five letters. */
    Query suggest(String text, String language) {
        return built.get(new Key(text, language, false), key -> Optional.ofNullable(query(text, language, SUGGEST_FIELDS, false)))
                .orElse(null);
    }

    private Query query(String text, String language, List<Weighted> fields, boolean stems) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean last = i == words.size() - 1;
            List<Query> alternatives = new ArrayList<>();
            boolean meaningful = false;
            for (Weighted field : fields) {
                String plainField = LanguageAnalyzers.field(field.field(), language, LanguageAnalyzers.PLAIN);
                String stemField = LanguageAnalyzers.field(field.field(), language, LanguageAnalyzers.STEM);
                List<String> stemmed = stems ? analyze(stemField, word) : List.of();
                for (String plain : analyze(plainField, word)) {
                    if (stemmed.isEmpty()) {
                        // as typed; with a stem it is implied: the same word stems the same, at the same weight
                        alternatives.add(scored(new TermQuery(new Term(plainField, plain)), field.weight()));
                    }
                    if (last) {
                        alternatives.add(scored(completions(plainField, plain), field.weight() * PREFIX));
                    }
                    if (word.codePointCount(0, word.length()) >= TYPO_MIN_LENGTH) {
                        alternatives.add(scored(last && !stems ? fuzzyPrefix(plainField, plain)
                                : oneTypo(plainField, plain), field.weight() * TYPO));
                    }
                }
                for (String stem : stemmed) {
                    meaningful = true;
                    alternatives.add(scored(new TermQuery(new Term(stemField, stem)), field.weight()));
                    if (word.codePointCount(0, word.length()) >= TYPO_MIN_LENGTH) {
                        alternatives.add(scored(oneTypo(stemField, stem), field.weight() * TYPO));
                    }
                }
            }
            if (alternatives.isEmpty()) {
                continue;
            }
            // a stop word ("the", "les") need not match; every other word must
            BooleanClause.Occur occur = !stems || meaningful || words.size() == 1 ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD;
            all.add(new DisjunctionMaxQuery(alternatives, 0), occur);
            any = true;
        }
        return any ? all.build() : null;
    }

    /*
     * The prefix and typo alternatives leave out what a higher-scored alternative of the same word already matches
     * (the word itself, its completions): the best alternative wins anyway, and a document then meets only one of
     * them instead of all, so the disjunction does a fraction of the work (measured in bench/catalog/REPORT.md).
     * A word as typed is always implied by its stem or by its exact clause. Each automaton is compiled once, with
     * the query, unlike a FuzzyQuery's, which is built again for every segment of every search.
     */

    /** Terms that complete {@code prefix}: at least one more letter. */
    private static Query completions(String field, String prefix) {
        return new AutomatonQuery(new Term(field, prefix), Operations.concatenate(List.of(Automata.makeString(prefix),
                Automata.makeAnyChar(), Automata.makeAnyString())));
    }

    /** Terms one edit (or one swap of neighbours) away from {@code term}, not the term itself. */
    private static Query oneTypo(String field, String term) {
        return new AutomatonQuery(new Term(field, term), Operations.minus(new LevenshteinAutomata(term, true).toAutomaton(1),
                Automata.makeString(term), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    }

    /** Terms starting with {@code prefix} give or take one edit ("trial" completes to "trails"), not its completions. */
    private static Query fuzzyPrefix(String field, String prefix) {
        Automaton automaton = Operations.concatenate(new LevenshteinAutomata(prefix, true).toAutomaton(1),
                Automata.makeAnyString());
        Automaton completions = Operations.concatenate(Automata.makeString(prefix), Automata.makeAnyString());
        return new AutomatonQuery(new Term(field, prefix),
                Operations.minus(automaton, completions, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
    }

    private static Query scored(Query query, float weight) {
        return new BoostQuery(new ConstantScoreQuery(query), weight);
    }

    /** The words of the text as typed (case and accents kept for the analysers), at most {@link #MAX_WORDS}. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new java.io.StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private List<String> analyze(String field, String word) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzers.tokenStream(field, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
