package dev.commerce.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code commerce.order.*}: the checkout saga's timeouts and the secret of guest access. The order the saga's timeouts
 * must keep, across the services, is tabled in the README ("Checkout timeouts").
 */
@ConfigMapping(prefix = "commerce.order")
public interface OrderConfig {

    /**
     * How long after stock is reserved the order waits for an authorization (retries included) before it is cancelled;
     * shorter than inventory's reservation lifetime (commerce.inventory.reservations.lifetime, PT15M).
     */
    @WithDefault("PT10M")
    Duration paymentDeadline();

    /** How often each instance looks for orders past their payment deadline (read by its {@code @Scheduled}). */
    @WithDefault("5s")
    String paymentDeadlineInterval();

    /** The longest {@code Prefer: wait} honoured (RFC 7240); a longer one waits this long. */
    @WithDefault("PT10S")
    Duration maxWait();

    /** How long after its latest delivery an order's goods may be sent back (POST /orders/{id}/returns). */
    @WithDefault("P30D")
    Duration returnWindow();

    /** The key guest order tokens are derived with (HMAC-SHA256 of the order id). Set it from a secret store. */
    String orderTokenSecret();

    /** What the checkout hand-off to cart-service may take, per attempt and in total. */
    CartHandOff cart();

    interface CartHandOff {

        /**
         * order-service's service credential (a bearer token with the {@code service} role) for the hand-off; in
         * production an OIDC client-credentials token. Without it every checkout answers 503 (and the log says why).
         */
        Optional<String> serviceToken();

        /** How long a 503 asks the shopper's app to wait before it tries again (Retry-After). */
        @WithDefault("PT5S")
        Duration retryAfter();
    }
}
