package dev.commerce.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). Every error of every service has this shape:
 * {@code type} names the rule that was broken, {@code errors} lists the fields a validation failure found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI naming the kind of problem", examples = "https://commerce.dev/problems/validation")
        URI type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request")
        String detail,
        @Schema(description = "The request path")
        String instance,
        @Schema(description = "Correlation id of the request (X-Request-Id)")
        String requestId,
        @Schema(description = "Field errors of a validation failure")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://commerce.dev/problems/";

    /** One invalid field: a JSON path into the request ({@code lines[0].quantity}, or a query parameter name). */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
