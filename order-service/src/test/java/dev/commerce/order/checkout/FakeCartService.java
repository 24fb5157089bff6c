package dev.commerce.order.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.commerce.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cart-service's checkout hand-off as order-service's tests need it: each test says what the cart answers for its
 * cart id (a snapshot, a refusal, a failure), and counts the calls. The real cart-service meets order-service in
 * system-tests; here the hand-off's edge cases are provoked at will. Checks the service credential like the real one.
 */
public class FakeCartService implements QuarkusTestResourceLifecycleManager {

    /** What the cart answers: a status and a body (for 200, the snapshot with the request's orderId filled in). */
    public record Answer(int status, String body) {
    }

    private static final Pattern CHECKOUT = Pattern.compile("^/carts/([0-9a-f-]{36})/checkout$");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Map<UUID, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static final String SERVICE_TOKEN = TestTokens.service();

    private HttpServer server;

    public static void answer(UUID cartId, Answer answer) {
        ANSWERS.put(cartId, answer);
    }

    public static int calls(UUID cartId) {
        AtomicInteger calls = CALLS.get(cartId);
        return calls == null ? 0 : calls.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake cart-service", e);
        }
        server.createContext("/carts/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
        return Map.of("quarkus.rest-client.cart-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "commerce.order.cart.service-token", SERVICE_TOKEN);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher path = CHECKOUT.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
            respond(exchange, 404, "{\"type\":\"https://commerce.dev/problems/not-found\",\"status\":404}");
            return;
        }
        if (!("Bearer " + SERVICE_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 403, "{\"type\":\"https://commerce.dev/problems/forbidden\",\"status\":403}");
            return;
        }
        UUID cartId = UUID.fromString(path.group(1));
        CALLS.computeIfAbsent(cartId, id -> new AtomicInteger()).incrementAndGet();
        Answer answer = ANSWERS.get(cartId);
        if (answer == null) {
            respond(exchange, 404, "{\"type\":\"https://commerce.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404}");
            return;
        }
        Matcher orderId = ORDER_ID.matcher(body);
        String answered = answer.status() == 200 && orderId.find()
                ? answer.body().replace("{{orderId}}", orderId.group(1)) : answer.body();
        respond(exchange, answer.status(), answered);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
