package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.messaging.outbox.CloudEventHeaders;
import dev.commerce.platform.web.http.CarriedContext;
import dev.commerce.platform.web.http.RequestIds;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.Logger;
import java.time.Instant;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs a handler as part of the request that caused its event: the request id from {@code x-request-id} goes into
 * the logging context, and a consumer span continues the trace of {@code traceparent}, so the outbox events the
 * handler records (and their consumers) stay in the same trace. With the OpenTelemetry SDK off, the remote trace
 * context is still carried on (a non-recording span), so the trace id travels through every service either way.
 */
@ApplicationScoped
public class EventContext {

    /** Work on several events at once, given the context of each (in the events' order). */
    @FunctionalInterface
    public interface BatchWork<T> {
        T call(List<CarriedContext> contexts) throws Exception;
    }

    /** MDC keys Quarkus uses for the current trace, so {@code %X{traceId}} shows it in consumer log lines too. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final Logger LOG = Logger.getLogger(EventContext.class);

    private final Tracer tracer;

    public EventContext(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.commerce.platform.messaging");
    }

    public <T> T around(IncomingEvent event, String consumer, Callable<T> work) throws Exception {
        Context parent = parentOf(event);
        Span span = span(event, consumer, parent).startSpan();
        try (Scope ignored = parent.with(span).makeCurrent()) {
            putLoggingContext(event, span);
            return work.call();
        } catch (Exception | Error e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
            clearLoggingContext();
        }
    }

    /**
     * Runs work on several events at once (a batch handler's): a consumer span per event in its trace, lasting as
     * long as the work, and for each event the context its part of the work runs in ({@link CarriedContext#run}),
     * so the outbox events written for it continue its trace and name its request.
     */
    public <T> T aroundAll(List<IncomingEvent> events, String consumer, BatchWork<T> work) throws Exception {
        List<Span> spans = new ArrayList<>(events.size());
        List<CarriedContext> contexts = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            Context parent = parentOf(event);
            Span span = span(event, consumer, parent).setAttribute("messaging.batch.message_count", events.size())
                    .startSpan();
            spans.add(span);
            contexts.add(CarriedContext.of(requestIdOf(event), parent.with(span)));
        }
        try {
            return work.call(contexts);
        } catch (Exception | Error e) {
            spans.forEach(span -> span.recordException(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * Records that a broadcast consumer applied {@code event} as part of a batch that ran from {@code start} to
     * {@code end}: a consumer span of that interval in the event's trace, and a DEBUG line in its logging context.
     */
    public void appliedInBatch(IncomingEvent event, String consumer, Instant start, Instant end, int batchSize) {
        Context parent = parentOf(event);
        Span span = span(event, consumer, parent).setStartTimestamp(start)
                .setAttribute("messaging.batch.message_count", batchSize).startSpan();
        try (Scope ignored = parent.with(span).makeCurrent()) {
            putLoggingContext(event, span);
            LOG.debugf("%s applied %s %s", consumer, event.type(), event.id());
        } finally {
            span.end(end);
            clearLoggingContext();
        }
    }

    private static Context parentOf(IncomingEvent event) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), event.headers(), HEADERS);
    }

    private SpanBuilder span(IncomingEvent event, String consumer, Context parent) {
        return tracer.spanBuilder(event.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", String.valueOf(event.id()));
    }

    private static String requestIdOf(IncomingEvent event) {
        String requestId = event.headers().get(CloudEventHeaders.REQUEST_ID);
        return requestId == null ? null : RequestIds.acceptOrGenerate(requestId);
    }

    private static void putLoggingContext(IncomingEvent event, Span span) {
        put(RequestIds.MDC_KEY, requestIdOf(event));
        SpanContext trace = span.getSpanContext();
        put(TRACE_ID, trace.isValid() ? trace.getTraceId() : null);
        put(SPAN_ID, trace.isValid() ? trace.getSpanId() : null);
    }

    private static void clearLoggingContext() {
        MDC.remove(RequestIds.MDC_KEY);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
