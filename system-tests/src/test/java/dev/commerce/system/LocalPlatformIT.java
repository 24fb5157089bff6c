package dev.commerce.system;

import dev.commerce.platform.local.FreePorts;
import dev.commerce.platform.local.PlatformService;
import dev.commerce.platform.local.PostgresServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start command as a user runs it: the launcher brings all five packaged services to ready, every URL it prints
 * answers, SIGTERM (what Ctrl-C amounts to) leaves no process behind, and a second start keeps the first one's data.
 * Runs on its own databases (COMMERCE_DB_PREFIX) and ports, so a local platform may run beside it.
 */
class LocalPlatformIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern SERVICE_ROW = Pattern.compile("^(\\S+-service)\\s+(http://\\S+)\\s+(http://\\S+)\\s+(http://\\S+)\\s.*");
    private final String prefix = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    private final List<Process> launchers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        launchers.forEach(launcher -> {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        });
        PostgresServer postgres = PostgresServer.fromEnvironment();
        for (PlatformService service : PlatformService.values()) {
            postgres.dropDatabase(prefix + service.database());
        }
    }

    @Test
    void starts_every_service_keeps_data_across_restarts_and_leaves_no_process_behind(@TempDir Path runDir) throws Exception {
        Map<String, String> ports = freePorts();

        Launch first = launch(runDir, ports, "--fresh");
        for (String url : first.printedUrls()) {
            given().redirects().follow(true).get(url).then().statusCode(200);
        }
        String adminToken = tokens(runDir).get("ADMIN_TOKEN");
        String catalog = first.baseUrl("catalog-service");
        String categoryId = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"Kept\",\"slug\":\"kept-" + prefix.replace("_", "") + "\"}")
                .post(catalog + "/categories").then().statusCode(201).extract().path("id");
        aShopperFillsACartFromTheCatalogAndStock(first, adminToken);
        first.stopAndExpectNothingLeft();

        Launch second = launch(runDir, ports);
        given().get(second.baseUrl("catalog-service") + "/categories/" + categoryId).then().statusCode(200);
        second.stopAndExpectNothingLeft();
    }

    /**
     * The storefront journey over the packaged services: a product the merchant creates in the catalog and stock
     * received in inventory reach the cart through events; a guest cart is then priced from them.
     */
    private void aShopperFillsACartFromTheCatalogAndStock(Launch platform, String adminToken) {
        String sku = "JOURNEY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("""
                        {"slug":"journey-%s","name":"Journey shoe","status":"ACTIVE","taxCategory":"standard",
                         "variants":[{"sku":"%s","prices":[{"currency":"EUR","amount":"59.90"}]}]}"""
                        .formatted(sku.toLowerCase(), sku))
                .post(platform.baseUrl("catalog-service") + "/products").then().statusCode(201);
        String inventory = platform.baseUrl("inventory-service");
        String warehouse = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"code\":\"J-" + sku.substring(8) + "\",\"name\":\"Journey\",\"country\":\"DE\",\"priority\":1}")
                .post(inventory + "/warehouses").then().statusCode(201).extract().path("id");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"quantity\":5,\"reference\":\"PO-J\"}")
                .post(inventory + "/stock/" + sku + "/warehouses/" + warehouse + "/receipts").then().statusCode(200);

        String cartService = platform.baseUrl("cart-service");
        String cart = given().contentType(ContentType.JSON).body("{\"currency\":\"EUR\"}").post(cartService + "/carts")
                .then().statusCode(201).extract().path("id");
        // the product and its stock reach cart-service as events: wait for the add to be accepted
        Awaitility.await("catalog and stock events to reach the cart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":2}")
                        .post(cartService + "/carts/" + cart + "/items").statusCode() == 201);
        given().get(cartService + "/carts/" + cart).then().statusCode(200)
                .body("lines[0].name", org.hamcrest.Matchers.equalTo("Journey shoe"))
                .body("lines[0].unitPrice.amount", org.hamcrest.Matchers.equalTo("59.90"))
                .body("totals.grandTotal.amount", org.hamcrest.Matchers.equalTo("119.80"));
        given().contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":4}")
                .post(cartService + "/carts/" + cart + "/items").then().statusCode(409)
                .body("available", org.hamcrest.Matchers.equalTo(5));
    }

    @Test
    void a_service_that_cannot_start_stops_the_launch_and_shows_its_last_log_lines(@TempDir Path runDir) throws Exception {
        Map<String, String> ports = freePorts();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ports.put("COMMERCE_CART_PORT", Integer.toString(taken.getLocalPort())); // cart-service cannot listen
            Process launcher = start(runDir, ports, "--fresh");
            assertThat(launcher.waitFor(4, TimeUnit.MINUTES)).as("the launch stops").isTrue();
            assertThat(launcher.exitValue()).isNotZero();
            String output = Files.readString(launcherOutput(runDir));
            assertThat(output).contains("The platform did not start").contains("cart-service")
                    .contains("Last lines of").contains("in use");
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> launcher.descendants().noneMatch(ProcessHandle::isAlive));
        }
    }

    private Map<String, String> freePorts() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("COMMERCE_KAFKA_PORT", Integer.toString(FreePorts.pick()));
        for (PlatformService service : PlatformService.values()) {
            env.put("COMMERCE_" + service.name() + "_PORT", Integer.toString(FreePorts.pick()));
        }
        return env;
    }

    private Launch launch(Path runDir, Map<String, String> ports, String... options) throws IOException {
        Process launcher = start(runDir, ports, options);
        Path output = launcherOutput(runDir);
        Awaitility.await("the platform to be ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!launcher.isAlive()) {
                        throw new AssertionError("the launcher exited:\n" + Files.readString(output));
                    }
                    return Files.readString(output).contains("Press Ctrl-C");
                });
        return new Launch(launcher, Files.readAllLines(output));
    }

    private static Path launcherOutput(Path runDir) {
        return runDir.resolve("launcher.out");
    }

    private Process start(Path runDir, Map<String, String> ports, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ROOT.resolve("platform/local/target/platform-local.jar").toString(),
                "--home", ROOT.toString(), "--run-dir", runDir.toString()));
        command.addAll(List.of(options));
        Path output = launcherOutput(runDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("COMMERCE_SERVICE_JAVA_HOME");
        builder.environment().putAll(ports);
        builder.environment().put("COMMERCE_DB_PREFIX", prefix);
        Process launcher = builder.start();
        launchers.add(launcher);
        return launcher;
    }

    private static Map<String, String> tokens(Path runDir) throws IOException {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String line : Files.readAllLines(runDir.resolve("tokens.env"))) {
            int equals = line.indexOf('=');
            tokens.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return tokens;
    }

    /** A running launcher and what it printed. */
    private record Launch(Process launcher, List<String> output) {

        List<String> printedUrls() {
            List<String> urls = new ArrayList<>();
            for (String line : output) {
                Matcher row = SERVICE_ROW.matcher(line);
                if (row.matches()) {
                    urls.addAll(List.of(row.group(2), row.group(3), row.group(4)));
                }
            }
            assertThat(urls).as("three URLs for each of the five services").hasSize(15);
            return urls;
        }

        String baseUrl(String service) {
            return output.stream().map(SERVICE_ROW::matcher).filter(Matcher::matches)
                    .filter(row -> row.group(1).equals(service)).map(row -> row.group(2)).findFirst().orElseThrow();
        }

        void stopAndExpectNothingLeft() throws InterruptedException {
            List<ProcessHandle> children = launcher.descendants().toList();
            assertThat(children).as("the five services").hasSizeGreaterThanOrEqualTo(5);
            launcher.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
