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
        @Schema(description = "What went wrong with this request", examples = "quantity: must be at least 1")
        String detail,
        @Schema(description = "The request path", examples = "/carts/4f1c2e9a-7d3b-4a8e-9c61-2b5d7e0f3a18/items")
        String instance,
        @Schema(description = "Correlation id of the request (X-Request-Id)", examples = "9f2c4e1a-5b7d-4c3e-8a6f-1d0b2e3c4a5f")
        String requestId,
        @Schema(description = "Field errors of a validation failure")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://commerce.dev/problems/";

    /** One invalid field: a JSON path into the request ({@code lines[0].quantity}, or a query parameter name). */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(description = "JSON path into the request, or a query parameter's name", examples = "lines[0].quantity")
                             String field,
                             @Schema(examples = "must be at least 1") String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
