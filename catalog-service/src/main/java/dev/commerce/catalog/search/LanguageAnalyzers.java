package dev.commerce.catalog.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How text is cut into words per language. Every text field exists twice: {@code <field>.<language>.stem} (stop
 * words dropped, stemmed, folded: {@code chaussure} finds {@code Chaussures}) and {@code <field>.<language>.plain}
 * (lower case and folded only, for exact, prefix and typo-tolerant matches of what was typed). French, Polish,
 * Arabic and English have their own stemmers; any other language gets the plain analysis in both.
 */
final class LanguageAnalyzers extends DelegatingAnalyzerWrapper {

    static final String STEM = "stem";
    static final String PLAIN = "plain";

    private final Map<String, Analyzer> analyzers = new ConcurrentHashMap<>();
    private final Analyzer keyword = new KeywordAnalyzer();

    LanguageAnalyzers() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    /** The text field of a language and variant, e.g. {@code name.fr.stem}. */
    static String field(String field, String language, String variant) {
        return field + "." + language + "." + variant;
    }

    /** The language part of a BCP 47 tag: {@code fr-CA} is analysed as {@code fr}. */
    static String language(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        int last = fieldName.lastIndexOf('.');
        int middle = last < 0 ? -1 : fieldName.lastIndexOf('.', last - 1);
        if (middle < 0) {
            return keyword;
        }
        String language = fieldName.substring(middle + 1, last);
        String variant = fieldName.substring(last + 1);
        return analyzers.computeIfAbsent(language + "." + variant,
                key -> STEM.equals(variant) ? stemming(language) : plain(language));
    }

    /** Lower case and folded, with French elision (l'écharpe is écharpe) and Arabic normalisation. */
    static Analyzer plain(String language) {
        return analyzer(language, null, stream -> stream);
    }

    /** The language's stop words dropped and its stemmer applied, then folded like {@link #plain}. */
    static Analyzer stemming(String language) {
        return switch (language) {
            case "fr" -> analyzer(language, FrenchAnalyzer.getDefaultStopSet(), FrenchLightStemFilter::new);
            case "en" -> analyzer(language, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                    stream -> new PorterStemFilter(new EnglishPossessiveFilter(stream)));
            case "pl" -> analyzer(language, PolishAnalyzer.getDefaultStopSet(),
                    stream -> new StempelFilter(stream, new StempelStemmer(PolishAnalyzer.getDefaultTable())));
            case "ar" -> analyzer(language, ArabicAnalyzer.getDefaultStopSet(), ArabicStemFilter::new);
            default -> plain(language);
        };
    }

    private interface Stemmer {
        TokenStream apply(TokenStream stream);
    }

    /** {@code stopWords} null: none dropped. */
    private static Analyzer analyzer(String language, CharArraySet stopWords, Stemmer stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = source;
                if ("fr".equals(language)) {
                    stream = new ElisionFilter(stream, FrenchAnalyzer.DEFAULT_ARTICLES);
                }
                stream = new LowerCaseFilter(stream);
                if ("ar".equals(language)) {
                    stream = new ArabicNormalizationFilter(new DecimalDigitFilter(stream));
                }
                if (stopWords != null) {
                    stream = new StopFilter(stream, stopWords);
                }
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(stemmer.apply(stream)));
            }
        };
    }
}
