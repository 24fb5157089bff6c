package dev.commerce.platform.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Principals;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an {@link Idempotent} method inside a transaction (joining the caller's) that also holds an advisory lock on
 * the key and, on success, records the response; so the record exists exactly when the creation committed.
 * Runs inside {@code @Transactional} (its priority is higher, so it is the inner interceptor).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** How the header is documented on each operation that honours it. */
    public static final String KEY_DESCRIPTION = "Optional. A retry with the same key replays the first response instead "
            + "of acting twice (kept 24 h); without a bearer token it must be unguessable (a UUID)";
    private static final int MAX_KEY_LENGTH = 255;
    /**
     * Anonymous callers share one principal, so a key is all that tells one guest's request from another's: it must
     * be unguessable (a UUID has 36 characters; 22 random base64 characters carry 128 bits).
     */
    static final int MIN_ANONYMOUS_KEY_LENGTH = 22;
    /** Response headers worth replaying: where the created resource is and which version it has. */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyRecords records;
    private final IdempotencyConfig config;
    private final CurrentVertxRequest currentRequest;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public IdempotencyInterceptor(IdempotencyRecords records, IdempotencyConfig config, CurrentVertxRequest currentRequest,
                                  SecurityIdentity identity, ObjectMapper json) {
        this.records = records;
        this.config = config;
        this.currentRequest = currentRequest;
        this.identity = identity;
        this.json = json;
    }

    @AroundInvoke
    Object honourKey(InvocationContext invocation) throws Exception {
        RoutingContext request = currentRequest.getCurrent();
        String keyHeader = request == null ? null : request.request().getHeader(HEADER);
        if (keyHeader == null) {
            return invocation.proceed();
        }
        if (keyHeader.isBlank() || keyHeader.length() > MAX_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    HEADER + " must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String principal = Principals.subjectOf(identity);
        if (Principals.ANONYMOUS.equals(principal) && keyHeader.length() < MIN_ANONYMOUS_KEY_LENGTH) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Without a bearer token, " + HEADER
                    + " must be unguessable: a UUID or at least " + MIN_ANONYMOUS_KEY_LENGTH + " random characters");
        }
        IdempotencyRecords.Key key = new IdempotencyRecords.Key(principal, request.request().method().name(),
                request.request().path(), keyHeader);
        String requestHash = hashOfBody(invocation);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!records.tryLock(key)) {
                throw ProblemException.conflict("idempotency-key-in-flight",
                        "A request with this " + HEADER + " is still being processed; retry later");
            }
            Optional<IdempotencyRecords.Stored> earlier = records.find(key, config.retention());
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
            Object result = invocation.proceed();
            if (result instanceof Response response && response.getStatus() < 300) {
                records.save(key, store(response, requestHash));
            }
            return result;
        });
    }

    private Response replay(IdempotencyRecords.Stored stored, String requestHash) throws JsonProcessingException {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This " + HEADER + " was used with a different request body");
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        Map<String, String> headers = json.readerForMapOf(String.class).readValue(stored.headersJson());
        headers.forEach(replay::header);
        if (stored.body() != null) {
            replay.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    private IdempotencyRecords.Stored store(Response response, String requestHash) throws JsonProcessingException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        return new IdempotencyRecords.Stored(requestHash, response.getStatus(), json.writeValueAsString(headers), body);
    }

    /** SHA-256 of the request body as the method received it (canonical JSON, so whitespace does not matter). */
    private String hashOfBody(InvocationContext invocation) throws JsonProcessingException {
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        List<Object> bodies = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            if (isBody(annotations[i])) {
                bodies.add(invocation.getParameters()[i]);
            }
        }
        return HexFormat.of().formatHex(IdempotencyRecords.sha256(json.writeValueAsString(bodies)));
    }

    /** The entity parameter is the one JAX-RS binds from the body: it carries no JAX-RS parameter annotation. */
    private static boolean isBody(Annotation[] parameterAnnotations) {
        for (Annotation annotation : parameterAnnotations) {
            String pkg = annotation.annotationType().getPackageName();
            if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive")) {
                return false;
            }
        }
        return true;
    }
}
