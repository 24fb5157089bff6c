package dev.commerce.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How the storefront's read side is set up ({@code commerce.catalog.storefront.*}). */
@ConfigMapping(prefix = "commerce.catalog.storefront")
public interface StorefrontConfig {

    /** The BCP 47 tag of the catalog's content and of answers when a request asks for no locale. */
    @WithDefault("en")
    String defaultLocale();

    /**
     * Every locale the shop sells in (BCP 47 tags; the default locale is one even when left out). Products and
     * categories take a translation for each; a storefront read in another locale is answered in the default one.
     */
    @WithDefault("en")
    List<String> locales();

    /**
     * Where this instance keeps its search index, with the topic positions it has applied, so a restart resumes.
     * Each instance needs its own. Unset: a temporary directory, rebuilt from the topics at every start.
     */
    Optional<Path> indexDirectory();

    /**
     * Upper bounds of the price bands per currency, e.g. {@code price-bands.EUR=25,50,100,200,500}; a currency
     * without them gets bands derived from each result's own prices.
     */
    Map<String, List<BigDecimal>> priceBands();
}
