import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop checkout load: SHOPPERS threads, each again and again a new guest (an email and a card of its own, as
 * different people's checkouts are) who opens a cart, adds two SKUs, sets the addresses and the shipping method, and
 * checks out with Prefer: wait=10 (polling the order if the answer was 202). An order fraud screening put on hold
 * counts as CONFIRMED_ON_HOLD, not as CONFIRMED.
 * Counts orders that reached CONFIRMED during each measured window (the warm-up, then RUNS runs of SECONDS each) and
 * the latency from POST /orders to CONFIRMED.
 * Run with the JDK's single-file launcher:
 * java CheckoutBench.java cartUrl orderUrl skusFile methodId shoppers warmupSeconds runs seconds
 */
public class CheckoutBench {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String cartUrl = args[0];
        String orderUrl = args[1];
        List<String> skus = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        String method = args[3];
        int shoppers = Integer.parseInt(args[4]);
        long warmupSeconds = Long.parseLong(args[5]);
        int runs = Integer.parseInt(args[6]);
        long seconds = Long.parseLong(args[7]);

        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentHashMap<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(shoppers);
        for (int i = 0; i < shoppers; i++) {
            Thread shopper = new Thread(() -> {
                try {
                    while (running.get()) {
                        String outcome;
                        long started;
                        try {
                            String guest = "guest-" + UUID.randomUUID().toString().substring(0, 12);
                            String cart = id(send("POST", cartUrl + "/carts", "{\"currency\":\"EUR\"}"));
                            for (int n = 0; n < 2; n++) {
                                String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
                                send("POST", cartUrl + "/carts/" + cart + "/items", "{\"sku\":\"" + sku + "\",\"quantity\":1}");
                            }
                            send("PUT", cartUrl + "/carts/" + cart + "/addresses", "{\"email\":\"" + guest + "@example.com\",\"shippingAddress\":"
                                    + "{\"firstName\":\"B\",\"lastName\":\"Ench\",\"line1\":\"1 Str\",\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}}");
                            send("PUT", cartUrl + "/carts/" + cart + "/shipping-method", "{\"methodId\":\"" + method + "\"}");
                            started = System.nanoTime();
                            HttpResponse<String> placed = HTTP.send(HttpRequest.newBuilder(URI.create(orderUrl + "/orders"))
                                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                    .header("Prefer", "wait=10").timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"cartId\":\"" + cart + "\",\"paymentMethod\":\"tok_approved:" + guest + "\"}"))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            outcome = status(placed.body());
                            if (placed.statusCode() == 202) {
                                outcome = awaitOutcome(orderUrl, id(placed.body()), placed.body());
                            } else if (placed.statusCode() != 201) {
                                outcome = "HTTP_" + placed.statusCode();
                            }
                        } catch (Exception e) {
                            outcome = "ERROR_" + e.getClass().getSimpleName();
                            started = -1;
                        }
                        if (measuring.get()) {
                            outcomes.merge(outcome, 1, Integer::sum);
                            if ("CONFIRMED".equals(outcome) && started > 0) {
                                latencies.add(System.nanoTime() - started);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            shopper.setDaemon(true);
            shopper.start();
        }
        // one JVM for the warm-up and every run, so the load generator's own JIT work is done before the measured runs
        phase("warm-up", warmupSeconds, shoppers, measuring, latencies, outcomes);
        for (int run = 1; run <= runs; run++) {
            phase("run " + run, seconds, shoppers, measuring, latencies, outcomes);
        }
        running.set(false);
        done.await();
    }

    /**
     * One measured window: prints BEGIN when it starts and its RESULT when it ends (run.sh reads the CPU counters of
     * every process at those two lines), counting what completed in between.
     */
    private static void phase(String name, long seconds, int shoppers, AtomicBoolean measuring, List<Long> latencies,
                              ConcurrentHashMap<String, Integer> outcomes) throws InterruptedException {
        latencies.clear();
        outcomes.clear();
        System.out.println("BEGIN " + name);
        System.out.flush();
        measuring.set(true);
        long from = System.nanoTime();
        Thread.sleep(1000 * seconds);
        measuring.set(false);
        double elapsed = (System.nanoTime() - from) / 1e9;
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        int confirmed = sorted.size();
        System.out.printf("RESULT %s: shoppers=%d seconds=%.1f confirmed=%d confirmed_per_s=%.1f p50_ms=%.0f p90_ms=%.0f p99_ms=%.0f max_ms=%.0f outcomes=%s%n",
                name, shoppers, elapsed, confirmed, confirmed / elapsed, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99),
                pct(sorted, 1.0), new java.util.TreeMap<>(outcomes));
        System.out.flush();
    }

    private static String awaitOutcome(String orderUrl, String orderId, String body) throws Exception {
        // a 202 answer: poll the order as the guest's app does, with the order token of the answer
        Matcher token = Pattern.compile("\"orderToken\":\"([^\"]+)\"").matcher(body);
        String orderToken = token.find() ? token.group(1) : "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> order = HTTP.send(HttpRequest.newBuilder(URI.create(orderUrl + "/orders/" + orderId))
                    .header("X-Order-Token", orderToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            String status = status(order.body());
            if (!status.equals("PENDING") && !status.equals("AWAITING_PAYMENT")) {
                return status;
            }
            Thread.sleep(50);
        }
        return "TIMEOUT";
    }

    private static String send(String method, String url, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return matcher.group(1);
    }

    private static String status(String body) {
        Matcher matcher = STATUS.matcher(body);
        if (!matcher.find()) {
            return "UNKNOWN";
        }
        return "CONFIRMED".equals(matcher.group(1)) && body.contains("\"onHold\":true") ? "CONFIRMED_ON_HOLD" : matcher.group(1);
    }

    private static double pct(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
