package dev.commerce.catalog.config;

import dev.commerce.catalog.domain.ShopLocales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shop's locales, from {@link StorefrontConfig}: a wrong tag stops the service at start, not at a request. */
@ApplicationScoped
public class LocaleSettings {

    @Produces
    @Singleton
    ShopLocales shopLocales(StorefrontConfig config) {
        return new ShopLocales(config.defaultLocale(), config.locales());
    }
}
