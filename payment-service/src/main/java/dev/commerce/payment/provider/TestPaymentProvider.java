package dev.commerce.payment.provider;

import dev.commerce.payment.config.PaymentConfig;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in test provider: a provider in this process whose outcome is chosen by the payment method token.
 * Like a real provider it answers a repeated idempotency key with its first answer and charges once per key.
 *
 * <table>
 * <tr><th>token</th><th>outcome</th></tr>
 * <tr><td>tok_approved</td><td>authorized (card ending 4242)</td></tr>
 * <tr><td>tok_insufficient_funds</td><td>declined: INSUFFICIENT_FUNDS</td></tr>
 * <tr><td>tok_card_expired</td><td>declined: CARD_EXPIRED</td></tr>
 * <tr><td>tok_do_not_honour</td><td>declined: DO_NOT_HONOUR (also any unknown token)</td></tr>
 * <tr><td>tok_sca_required</td><td>strong customer authentication: action required; completing it authorizes,
 * unless the challenge response is {@code fail} (declined: AUTHENTICATION_FAILED)</td></tr>
 * <tr><td>tok_timeout</td><td>the first call does not answer in time (the provider did authorize); a retry with the
 * same idempotency key gets the authorization</td></tr>
 * <tr><td>tok_later</td><td>pending; the authorization arrives later as a signed notification</td></tr>
 * </table>
 * A token may carry a suffix after a colon to stand for a distinct card ({@code tok_approved:alice}).
 * Configuration: {@code commerce.payment.test-provider.latency} (added to every call),
 * {@code .hang} (how long tok_timeout's first call takes), {@code .notification-delay}.
 */
@ApplicationScoped
public class TestPaymentProvider implements PaymentProvider {

    public static final String NAME = "test";
    private static final Logger LOG = Logger.getLogger(TestPaymentProvider.class);

    private final Map<String, ProviderResult> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration latency;
    private final Duration hang;
    private final Duration notificationDelay;
    /** Tries of a notification before the test provider gives up on it. */
    private static final int NOTIFICATION_ATTEMPTS = 5;
    private final PaymentConfig config;
    private final Instance<HttpServer> httpServer;

    public TestPaymentProvider(PaymentConfig config, Instance<HttpServer> httpServer) {
        this.config = config;
        this.httpServer = httpServer;
        this.latency = config.testProvider().latency();
        this.hang = config.testProvider().hang();
        this.notificationDelay = config.testProvider().notificationDelay();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult authorize(String idempotencyKey, String methodToken, BigDecimal amount, String currency) {
        pause(latency);
        boolean first = !answers.containsKey(idempotencyKey);
        ProviderResult answer = answers.computeIfAbsent(idempotencyKey, key -> {
            charges.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            String reference = "test_" + UUID.randomUUID();
            return switch (baseToken(methodToken)) {
                case "tok_approved" -> new ProviderResult.Approved(reference, "4242");
                case "tok_insufficient_funds" -> new ProviderResult.Declined(reference, "INSUFFICIENT_FUNDS");
                case "tok_card_expired" -> new ProviderResult.Declined(reference, "CARD_EXPIRED");
                case "tok_sca_required" -> new ProviderResult.ActionRequired(reference,
                        "https://test-provider.commerce.dev/3ds/" + reference);
                case "tok_timeout" -> new ProviderResult.Approved(reference, "0077");
                case "tok_later" -> new ProviderResult.Pending(reference);
                default -> new ProviderResult.Declined(reference, "DO_NOT_HONOUR");
            };
        });
        if (first && "tok_timeout".equals(baseToken(methodToken))) {
            pause(hang); // the answer is lost on the way: the caller times out, the authorization exists
        }
        if (first && answer instanceof ProviderResult.Pending pending) {
            notifyLater(pending.reference());
        }
        return answer;
    }

    @Override
    public ProviderResult completeAuthentication(String idempotencyKey, String reference, String challengeResponse) {
        pause(latency);
        return answers.computeIfAbsent(idempotencyKey, key -> "fail".equals(challengeResponse)
                ? new ProviderResult.Declined(reference, "AUTHENTICATION_FAILED")
                : new ProviderResult.Approved(reference, "3155"));
    }

    @Override
    public ProviderResult capture(String idempotencyKey, String reference, BigDecimal amount, String currency) {
        return operation(idempotencyKey, reference, "capture");
    }

    @Override
    public ProviderResult voidAuthorization(String idempotencyKey, String reference) {
        return operation(idempotencyKey, reference, "void");
    }

    @Override
    public ProviderResult refund(String idempotencyKey, String reference, BigDecimal amount, String currency) {
        return operation(idempotencyKey, reference, "refund");
    }

    /** A token may name a distinct card after a colon ({@code tok_approved:alice-visa}); the part before decides. */
    private static String baseToken(String methodToken) {
        int colon = methodToken.indexOf(':');
        return colon < 0 ? methodToken : methodToken.substring(0, colon);
    }

    /** How many times the provider acted on a key: 1 however often it was asked (for tests of retries). */
    public int timesCharged(String idempotencyKey) {
        return Optional.ofNullable(charges.get(idempotencyKey)).map(AtomicInteger::get).orElse(0);
    }

    private ProviderResult operation(String idempotencyKey, String reference, String kind) {
        pause(latency);
        return answers.computeIfAbsent(idempotencyKey, key -> {
            charges.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return new ProviderResult.Approved(reference + ":" + kind + ":" + UUID.randomUUID(), null);
        });
    }

    /**
     * Sends the decision of a pending authorization to this service's notification endpoint (the port it really
     * listens on), signed, like a provider's webhook.
     */
    private void notifyLater(String reference) {
        String body = """
                {"notificationId":"%s","reference":"%s","outcome":"APPROVED","cardLast4":"1881"}"""
                .formatted(UUID.randomUUID(), reference);
        String secret = config.notificationSecrets().get(NAME);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpServer.get().getPort()
                        + "/payment-notifications/" + NAME))
                .header("Content-Type", "application/json")
                .header(NotificationSignatures.HEADER, NotificationSignatures.sign(secret, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build();
        deliver(request, reference, 1, notificationDelay);
    }

    /** Sends a notification, and again (as providers retry webhooks) until it is taken (2xx) or five tries are spent. */
    private void deliver(HttpRequest request, String reference, int attempt, Duration delay) {
        CompletableFuture.runAsync(() -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                LOG.debugf("Test provider notified %s: %d", reference, response.statusCode());
                // like real providers' webhooks: anything but 2xx is tried again (a 409 of a write that raced the
                // pending-retry job's included: the notification's transaction rolled back and counts as not received)
                if ((response.statusCode() < 200 || response.statusCode() >= 300) && attempt < NOTIFICATION_ATTEMPTS) {
                    deliver(request, reference, attempt + 1, Duration.ofSeconds(1));
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.warnf("Test provider could not notify %s (attempt %d of %d): %s", reference, attempt,
                        NOTIFICATION_ATTEMPTS, String.valueOf(e));
                if (attempt < NOTIFICATION_ATTEMPTS) {
                    deliver(request, reference, attempt + 1, Duration.ofSeconds(1));
                }
            }
        }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis()); // simulated network and provider time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
