package dev.commerce.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.web.http.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Problem details for the errors that never reach the REST layer: a path no route serves, a body over the size
 * limit, and failures of the HTTP layer itself. Without this, Vert.x would answer with plain text or HTML.
 */
@ApplicationScoped
public class RouterProblemHandlers {

    private static final Logger LOG = Logger.getLogger(RouterProblemHandlers.class);

    private final ObjectMapper json;
    private final Optional<MemorySize> maxBodySize;
    private final int maxUriLength;

    public RouterProblemHandlers(ObjectMapper json,
                                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                                 @ConfigProperty(name = "commerce.http.max-uri-length", defaultValue = "4096") int maxUriLength) {
        this.json = json;
        this.maxBodySize = maxBodySize;
        this.maxUriLength = maxUriLength;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOverlongUri);
        // Quarkus refuses a declared Content-Length over the limit at ROUTE_ORDER_UPLOAD_LIMIT with an empty 413;
        // answer first, with a problem body.
        maxBodySize.ifPresent(limit -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseOversizedBody(context, limit.asLongValue())));
        router.route().order(Integer.MAX_VALUE).handler(context -> respond(context, 404, "No resource at this path"));
    }

    private void refuseOversizedBody(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && parseOrZero(declared) > limit) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            respond(context, 413, "The request body exceeds the size limit of " + limit + " bytes");
            return;
        }
        context.next();
    }

    private void refuseOverlongUri(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            respond(context, 414, "The URL exceeds " + maxUriLength + " characters; send long filters in fewer parameters");
            return;
        }
        context.next();
    }

    private static long parseOrZero(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status == 401 || status == 403) {
            // the security layer writes its own challenge; keep its status, give it a problem body
            respond(context, status, status == 401 ? "This operation needs a valid bearer token"
                    : "Your roles do not allow this operation");
            return;
        }
        if (status >= 500) {
            LOG.errorf(context.failure(), "HTTP layer failure on %s", context.request().path());
        }
        respond(context, status, switch (status) {
            case 413 -> "The request body exceeds the size limit";
            case 400 -> "The request could not be read (a malformed URL, query or header)";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            default -> status >= 500 ? "The request failed unexpectedly; quote the request id when reporting it"
                    : "The request could not be processed";
        });
    }

    /** Ends the request with a problem of {@code status}, unless a response was written already. */
    public void respond(RoutingContext context, int status, String detail) {
        if (context.response().ended()) {
            return;
        }
        String requestId = context.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.type(ProblemResponses.typeOf(status)), ProblemResponses.titleOf(status),
                status, detail, context.request().path(), requestId, null);
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
