package dev.commerce.platform.web.http;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id of the current request: taken from {@code X-Request-Id} or generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** MDC key: every log line of a request carries it ({@code %X{requestId}} in the log format). */
    public static final String MDC_KEY = "requestId";

    /** Ids a client may choose; anything else (too long, control characters) is replaced by a generated one. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String fromClient) {
        if (fromClient != null && ACCEPTABLE.matcher(fromClient).matches()) {
            return fromClient;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request this thread works for, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
