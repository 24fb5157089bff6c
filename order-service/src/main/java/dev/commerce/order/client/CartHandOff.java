package dev.commerce.order.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.commerce.order.config.OrderConfig;
import dev.commerce.platform.web.problem.Problem;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.UUID;

/**
 * The checkout hand-off as order-service's use cases see it: the cart's snapshot, or a problem for the shopper. A
 * refusal passes the cart's own problem on (409 with the short lines, 422 for a used-up code); cart-service down,
 * slow or its circuit open is a 503 with {@code Retry-After}, and nothing was created.
 */
@ApplicationScoped
public class CartHandOff {

    private static final Logger LOG = Logger.getLogger(CartHandOff.class);
    /** Members of the cart's problem that the shopper's answer takes over as they are. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "requestId", "errors");

    private final CartHandOffCalls calls;
    private final ObjectMapper json;
    private final OrderConfig config;

    public CartHandOff(CartHandOffCalls calls, ObjectMapper json, OrderConfig config) {
        this.calls = calls;
        this.json = json;
        this.config = config;
    }

    /** The snapshot JSON of the cart, frozen for {@code orderId}. */
    public String handOff(UUID cartId, UUID orderId, String customerId) {
        try {
            return calls.handOff(cartId, orderId, customerId);
        } catch (CartRefusal refusal) {
            throw forwarded(cartId, refusal);
        } catch (RuntimeException failure) {
            LOG.warnf("Checkout hand-off of cart %s for order %s failed: %s", cartId, orderId, failure.toString());
            throw ProblemException.unavailable("cart-unavailable",
                    "the cart could not be checked out just now; nothing was ordered, try again with the same Idempotency-Key",
                    config.cart().retryAfter());
        }
    }

    private ProblemException forwarded(UUID cartId, CartRefusal refusal) {
        JsonNode problem = parse(refusal.problemJson());
        if (refusal.status() == 404) {
            return ProblemException.notFound("cart", cartId);
        }
        if (refusal.status() == 401 || refusal.status() == 403) {
            // our own credential was refused: a deployment error, not the shopper's
            LOG.errorf("cart-service refused order-service's service credential (%d)", refusal.status());
            return ProblemException.unavailable("cart-unavailable", "the cart could not be checked out just now",
                    config.cart().retryAfter());
        }
        String type = problem.path("type").asText("");
        String slug = type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : "cart-refused";
        ProblemException forwarded = new ProblemException(refusal.status(), slug, problem.path("title").asText("Checkout refused"),
                problem.path("detail").asText("the cart cannot be checked out"));
        problem.fields().forEachRemaining(member -> {
            if (!STANDARD_MEMBERS.contains(member.getKey())) {
                forwarded.with(member.getKey(), member.getValue());
            }
        });
        return forwarded;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (Exception notJson) {
            ObjectNode wrapped = json.createObjectNode();
            wrapped.put("detail", body);
            return wrapped;
        }
    }
}
