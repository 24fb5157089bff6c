package dev.commerce.platform.web.http;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;

import java.util.function.Supplier;

/**
 * A request's correlation id and trace context, taken along when work for the request runs on another thread (a
 * batch writer, say), so log lines and outbox events written there still name the request and continue its trace.
 */
public final class CarriedContext {

    private final String requestId;
    private final Context trace;

    private CarriedContext(String requestId, Context trace) {
        this.requestId = requestId;
        this.trace = trace;
    }

    /** The context of the request this thread works for now. */
    public static CarriedContext capture() {
        return new CarriedContext(RequestIds.current(), Context.current());
    }

    /** The context of work done for a request that reached this service another way (an event's headers, say). */
    public static CarriedContext of(String requestId, Context trace) {
        return new CarriedContext(requestId, trace);
    }

    /** Runs {@code work} on this thread as part of the captured request, then restores the thread's own context. */
    public <T> T run(Supplier<T> work) {
        Object previous = MDC.get(RequestIds.MDC_KEY);
        put(requestId);
        try (Scope ignored = trace.makeCurrent()) {
            return work.get();
        } finally {
            put(previous);
        }
    }

    private static void put(Object requestId) {
        if (requestId == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
    }
}
