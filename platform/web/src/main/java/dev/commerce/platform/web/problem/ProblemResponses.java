package dev.commerce.platform.web.problem;

import dev.commerce.platform.web.http.RequestIds;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds problem details responses with the request's correlation id. */
public final class ProblemResponses {

    /** Turns a problem into its members; a plain mapper is enough for its simple types. */
    private static final ObjectMapper MEMBERS = new ObjectMapper();

    private ProblemResponses() {
    }

    public static Response of(int status, String typeSlug, String title, String detail, String path) {
        return of(status, typeSlug, title, detail, path, null);
    }

    public static Response of(int status, String typeSlug, String title, String detail, String path,
                              List<Problem.FieldError> errors) {
        Problem problem = new Problem(Problem.type(typeSlug), title, status, detail, path, RequestIds.current(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A problem with extension members after the standard ones (RFC 9457, section 3.2). */
    public static Response of(int status, String typeSlug, String title, String detail, String path,
                              List<Problem.FieldError> errors, Map<String, Object> extensions) {
        if (extensions.isEmpty()) {
            return of(status, typeSlug, title, detail, path, errors);
        }
        Problem problem = new Problem(Problem.type(typeSlug), title, status, detail, path, RequestIds.current(), errors);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = new LinkedHashMap<>(MEMBERS.convertValue(problem, Map.class));
        extensions.forEach(body::putIfAbsent);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** A generic title for a status, for errors raised by the HTTP layer rather than by a rule. */
    public static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Request body too large";
            case 414 -> "URL too long";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }

    /** A problem type slug for a status raised by the HTTP layer. */
    public static String typeOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 428 -> "precondition-required";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
