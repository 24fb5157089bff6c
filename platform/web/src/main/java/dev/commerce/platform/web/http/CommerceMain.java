package dev.commerce.platform.web.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service. Quarkus' HTTP layer answers a URL that {@link java.net.URI} cannot parse (a
 * stray {@code %} in a query) with an empty 400 before any handler runs; with its check off, the platform's own
 * {@link UriValidation} answers the same requests with a problem. Everything else is Quarkus' own start.
 */
@QuarkusMain
public final class CommerceMain {

    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private CommerceMain() {
    }

    public static void main(String... args) {
        if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
            System.setProperty(DISABLE_URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
