package dev.commerce.platform.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the exceptions a service throws for a broken rule: each names one problem type and one HTTP status,
 * and the platform's mapper turns it into a problem details response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, null);
    }

    private ProblemException(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.errors = errors;
    }

    /**
     * Adds an RFC 9457 extension member: data a client acts on (which lines are short, and by how much) rather
     * than parses out of {@code detail}.
     */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Adds a response header the client acts on, e.g. {@code Retry-After} of a 503. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    /** Field errors, for a validation rule checked in code rather than by annotations; null otherwise. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }

    /** 404: the resource does not exist (or the caller may not know that it does). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** 409: the request conflicts with a business rule or with a unique value. */
    public static ProblemException conflict(String typeSlug, String detail) {
        return new ProblemException(409, typeSlug, "Conflict", detail);
    }

    /** 400 with one field error: the same shape as an annotation-checked validation failure. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", "The request has 1 invalid field(s)",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 503 with {@code Retry-After}: a service this request needs is down; nothing was changed, try again later. */
    public static ProblemException unavailable(String typeSlug, String detail, java.time.Duration retryAfter) {
        return new ProblemException(503, typeSlug, "Service unavailable", detail)
                .withHeader("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    /** 400: a value the client sent is not acceptable. */
    public static ProblemException badRequest(String typeSlug, String detail) {
        return new ProblemException(400, typeSlug, "Invalid request", detail);
    }
}
