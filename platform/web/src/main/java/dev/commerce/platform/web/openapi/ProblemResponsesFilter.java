package dev.commerce.platform.web.openapi;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import dev.commerce.platform.web.problem.Problem;
import dev.commerce.platform.web.problem.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * The error answers every operation can give, written once for every service's document (and clashing schema names
 * replaced by what holds them, {@link SchemaNames}): each error response is
 * {@code application/problem+json} with the {@code Problem} schema, and the standard ones are declared where they
 * apply (400 with parameters or a body, 401/403 when a token is required, 404 for a path naming a resource, 415 with
 * a body, 500 always, and the Idempotency-Key answers 409/422 where that header is taken). An operation documents
 * only its own rule breaks (a 409 {@code insufficient-stock}); their description is kept.
 * <p>Registered by {@code mp.openapi.filter} in platform/web's configuration, so it runs when the document is built.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ensureProblemSchema(openAPI);
        SchemaNames.rename(openAPI);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                declareErrors(path.getKey(), operation);
            }
        }
    }

    private static void declareErrors(String path, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || !parameters.isEmpty()) {
            addIfAbsent(responses, 400, "The request is malformed or a field is invalid (`errors` names each field)");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfAbsent(responses, 401, "No valid bearer token");
            addIfAbsent(responses, 403, "The token's roles do not allow this");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, 404, "Nothing is known under this path");
        }
        if (hasBody) {
            addIfAbsent(responses, 415, "The body's media type is not one this operation takes");
        }
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            addIfAbsent(responses, 412, "The If-Match ETag is stale: read the resource again");
            if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()) && Boolean.TRUE.equals(p.getRequired()))) {
                addIfAbsent(responses, 428, "If-Match is required here");
            }
        }
        if (parameters.stream().anyMatch(p -> IdempotencyInterceptor.HEADER.equalsIgnoreCase(p.getName()))) {
            addOrMention(responses, 409, "idempotency-key-in-flight: a request with this Idempotency-Key is still running");
            addOrMention(responses, 422, "idempotency-key-reused: this Idempotency-Key was used for a different request");
        }
        addIfAbsent(responses, 500, "Unexpected failure; the problem's requestId finds it in the logs");
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && response.getValue().getRef() == null) {
                asProblem(response.getKey(), response.getValue());
            }
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void addIfAbsent(APIResponses responses, int status, String description) {
        String code = Integer.toString(status);
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    /** Adds the response, or adds its meaning to the one the operation documents for its own rules. */
    private static void addOrMention(APIResponses responses, int status, String description) {
        APIResponse documented = responses.getAPIResponse(Integer.toString(status));
        if (documented == null) {
            addIfAbsent(responses, status, description);
        } else if (documented.getDescription() == null || !documented.getDescription().contains("Idempotency-Key")) {
            documented.setDescription((documented.getDescription() == null ? "" : documented.getDescription() + "; or ")
                    + description);
        }
    }

    /** Problem content, keeping a description the operation gave (else the status's title). */
    private static void asProblem(String status, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(status.matches("\\d{3}") ? ProblemResponses.titleOf(Integer.parseInt(status)) : "Error");
        }
    }

    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the Problem schema is missing from the OpenAPI document: the service index "
                    + "(platform/web) references it so that every document has it");
        }
    }
}
