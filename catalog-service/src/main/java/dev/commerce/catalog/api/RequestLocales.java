package dev.commerce.catalog.api;

import dev.commerce.catalog.domain.ShopLocales;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The locale a storefront read is answered in: the {@code locale} parameter, else the best of {@code Accept-Language},
 * else the shop's default; a locale the shop does not sell in is answered in the default. The answer names it in
 * {@code Content-Language} and varies by {@code Accept-Language} for caches.
 */
@ApplicationScoped
public class RequestLocales {

    static final String PARAMETER_DESCRIPTION = "BCP 47 tag of the language to answer in (else Accept-Language, else the "
            + "shop's default); a locale the shop does not sell in is answered in the default, as Content-Language says";

    private final ShopLocales locales;

    public RequestLocales(ShopLocales locales) {
        this.locales = locales;
    }

    /** 400 when {@code locale} is given but is not a well-formed tag. */
    public String resolve(String locale, HttpHeaders headers) {
        if (locale != null) {
            if (ShopLocales.canonical(locale).isEmpty()) {
                throw ProblemException.invalidField("locale", "is not a BCP 47 language tag such as fr or pt-BR");
            }
            return locales.serving(locale).orElse(locales.defaultLocale());
        }
        return locales.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The answer marked as being in {@code locale}. */
    static Response.ResponseBuilder inLocale(Response.ResponseBuilder response, String locale) {
        return response.header(HttpHeaders.CONTENT_LANGUAGE, locale).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
