package dev.commerce.order.client;

import dev.commerce.order.config.OrderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The hand-off call with its fault tolerance (MicroProfile Fault Tolerance; each value can be changed by config, e.g.
 * {@code quarkus.fault-tolerance."dev.commerce.order.client.CartHandOffCalls/handOff".timeout.value}): 3 s per attempt,
 * two retries after a failure or timeout (the same order id, so cart-service answers the same snapshot), and a circuit
 * that opens after half of 10 calls failed, so a down cart-service costs a shopper 503 at once, not 10 s.
 * Refusals (4xx) are answers: never retried, and they do not count against the circuit.
 */
@ApplicationScoped
public class CartHandOffCalls {

    private final CartClient cart;
    private final String authorization;

    public CartHandOffCalls(@RestClient CartClient cart, OrderConfig config) {
        this.cart = cart;
        this.authorization = "Bearer " + config.cart().serviceToken().orElse("");
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {CartFailure.class, ProcessingException.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class}, abortOn = CartRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = CartRefusal.class)
    public String handOff(UUID cartId, UUID orderId, String customerId) {
        return cart.handOff(authorization, cartId, new CartClient.HandOffRequest(orderId, customerId));
    }
}
