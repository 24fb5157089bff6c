package dev.commerce.platform.web.http;

import dev.commerce.platform.web.problem.RouterProblemHandlers;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses a URL that is not a valid URI (an unescaped {@code %}, a space) with a 400 problem, right after the request
 * got its id: the check Quarkus' HTTP layer would make with an empty answer ({@link CommerceMain}).
 */
@ApplicationScoped
public class UriValidation {

    private final RouterProblemHandlers problems;

    public UriValidation(RouterProblemHandlers problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(RequestIdHandler.ORDER + 1).handler(this::validate);
    }

    private void validate(RoutingContext context) {
        try {
            new URI(context.request().uri());
        } catch (URISyntaxException e) {
            problems.respond(context, 400, "The URL is not valid (" + e.getReason()
                    + "); escape reserved characters such as % as %25");
            return;
        }
        context.next();
    }
}
