package dev.commerce.platform.web.problem;

/**
 * Base of the exceptions a service throws for a broken rule: each names one problem type and one HTTP status,
 * and the platform's mapper turns it into a problem details response.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;

    public ProblemException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
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

    /** 400: a value the client sent is not acceptable. */
    public static ProblemException badRequest(String typeSlug, String detail) {
        return new ProblemException(400, typeSlug, "Invalid request", detail);
    }
}
