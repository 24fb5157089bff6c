package dev.commerce.platform.web.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request a correlation id before anything else runs: echoed in the {@code X-Request-Id}
 * response header (errors included) and put in the logging context, which Quarkus carries to worker threads.
 */
@ApplicationScoped
public class RequestIdHandler {

    /** Before the body size limit (and everything after it), so even a 413 carries the id. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::assignRequestId);
    }

    private void assignRequestId(RoutingContext context) {
        String requestId = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
        context.put(RequestIds.MDC_KEY, requestId);
        context.response().putHeader(RequestIds.HEADER, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        context.addEndHandler(ignored -> MDC.remove(RequestIds.MDC_KEY));
        context.next();
    }
}
