package dev.commerce.platform.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import dev.commerce.platform.domain.RuleViolation;
import dev.commerce.platform.web.security.ProtectedRoutes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The one exception mapper family of the platform: every error leaves a service as problem details,
 * never as a stack trace, SQL or framework error page.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private final ProtectedRoutes protectedRoutes;

    public ProblemExceptionMappers(ProtectedRoutes protectedRoutes) {
        this.protectedRoutes = protectedRoutes;
    }

    @ServerExceptionMapper
    public Response rule(ProblemException e, UriInfo uri) {
        Response problem = ProblemResponses.of(e.status(), e.typeSlug(), e.title(), e.getMessage(), path(uri), e.errors(),
                e.extensions());
        if (e.headers().isEmpty()) {
            return problem;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    /** A rule a domain refused: its kind chooses the status, its rule names the problem type. */
    @ServerExceptionMapper
    public Response domainRule(RuleViolation e, UriInfo uri) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        if (e.field() != null) {
            // a rule about one field: its type is the rule's (validation for plain field checks), errors[] names the field
            String detail = "validation".equals(e.rule()) ? "The request has 1 invalid field(s)" : e.getMessage();
            return ProblemResponses.of(status, e.rule(), e.title(), detail,
                    path(uri), List.of(new Problem.FieldError(e.field(), e.getMessage())), e.details());
        }
        return ProblemResponses.of(status, e.rule(), e.title(), e.getMessage(), path(uri), null, e.details());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return ProblemResponses.of(400, "validation", "Invalid request",
                "The request has " + errors.size() + " invalid field(s)", path(uri), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON: " + e.getOriginalMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        return mismatched(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                "The request body could not be read as JSON", path(uri));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return withBearerChallenge(ProblemResponses.of(401, "unauthenticated", "Authentication required",
                "This operation needs a bearer token", path(uri)));
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return withBearerChallenge(ProblemResponses.of(401, "unauthenticated", "Authentication required",
                "The bearer token is missing, expired or not valid", path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Forbidden",
                "Your roles do not allow this operation", path(uri));
    }

    /** Two writers raced for the same version: the loser must read again (same answer as a stale If-Match). */
    @ServerExceptionMapper
    public Response concurrentUpdate(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return ProblemResponses.of(412, "stale-version", "Precondition failed",
                "The resource was changed by another request; read it again", path(uri));
    }

    /** A unique or foreign key constraint refused the write; the SQL and constraint names stay inside. */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("Constraint %s refused a write on %s", e.getConstraintName(), path(uri));
        return ProblemResponses.of(409, "conflict", "Conflict",
                "The request conflicts with existing data (a duplicate or a missing reference)", path(uri));
    }

    /** Errors of the HTTP layer: unknown route, wrong method, unsupported media type, body too large... */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse().getStatus();
        if ((status == 415 || status == 406) && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && protectedRoutes.requiresRole(request.getMethod(), path(uri))) {
            // media types are matched before roles are checked; a caller without a token needs to hear that first
            return unauthenticated(null, uri);
        }
        if (status == 400 && e.getCause() instanceof JsonMappingException mapping && !(mapping.getCause() instanceof JsonParseException)) {
            return mismatched(mapping, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted; to a client it is a bad request
            return ProblemResponses.of(400, "invalid-parameter", "Invalid request",
                    "A path or query parameter has a value of the wrong type", path(uri));
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException) {
            return ProblemResponses.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON", path(uri));
        }
        if (status >= 500) {
            LOG.errorf(e, "HTTP error %d on %s", status, path(uri));
        }
        Response problem = ProblemResponses.of(status, ProblemResponses.typeOf(status), ProblemResponses.titleOf(status),
                detailOf(e, status), path(uri));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "The request failed unexpectedly; quote the request id when reporting it", path(uri));
    }

    private static Response mismatched(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e instanceof InvalidFormatException invalid
                ? "cannot be read as " + invalid.getTargetType().getSimpleName()
                : "has the wrong type or shape";
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, message));
        return ProblemResponses.of(400, "validation", "Invalid request", "The request body does not match the expected shape",
                path(uri), errors);
    }

    private static Response withBearerChallenge(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String detailOf(WebApplicationException e, int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API serves application/json";
            case 413 -> "The request body exceeds the size limit";
            case 415 -> "Unsupported content type; send application/json";
            default -> status >= 500 ? "The request failed" : "The request could not be processed";
        };
    }

    /**
     * {@code create.arg0.name} becomes {@code name}, a list element {@code variants[0].sku}, a map entry
     * {@code translations.fr.slug}; a query parameter keeps its name.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    // the Java method is no concern of the client
                }
                case PARAMETER -> {
                    // a request body parameter has no client-facing name; a query parameter is named by the
                    // validated bean's own node below when it is a bean
                }
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.getKey() != null) {
                        // a map's entry is named by its key, as JSON names an object's member: translations.fr.name
                        field.append('.').append(node.getKey());
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? parameterName(nodes) : field.toString();
    }

    private static String parameterName(List<Path.Node> nodes) {
        return nodes.stream().filter(n -> n.getKind() == jakarta.validation.ElementKind.PARAMETER)
                .map(Path.Node::getName).findFirst().orElse("(request)");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
