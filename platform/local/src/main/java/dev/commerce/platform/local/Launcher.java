package dev.commerce.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the whole platform on one machine: a KRaft Kafka broker (unless {@code KAFKA_BOOTSTRAP_SERVERS} names one),
 * the five databases (created when missing), the development signing keys, and the five packaged services,
 * each awaited until ready. Ctrl-C or SIGTERM stops everything it started.
 *
 * <p>Usage: {@code java -jar platform/local/target/platform-local.jar [--fresh] [--sequential] [--run-dir DIR] [--home DIR]}
 * ({@code --sequential} starts one service at a time: slower overall, but each start-up time is measured alone).
 */
public final class Launcher {

    /** JVM settings chosen for a small footprint at rest (see bench/footprint/REPORT.md); override with COMMERCE_SERVICE_JAVA_OPTS. */
    static final String DEFAULT_SERVICE_JAVA_OPTS =
            "-XX:+UseSerialGC -Xms24m -Xmx192m -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m "
                    + "-XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true";

    private final LaunchOptions options;
    private final Map<String, String> env;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** Set when the platform stops, so services ending then are not reported as failures. */
    private volatile boolean stopping;
    /** How long each service took from process start to ready. */
    private final Map<String, Duration> readiness = new HashMap<>();
    private KafkaBroker broker;

    Launcher(LaunchOptions options, Map<String, String> env) {
        this.options = options;
        this.env = env;
    }

    public static void main(String[] args) {
        LaunchOptions options = LaunchOptions.parse(args);
        routeBrokerLogsTo(options.runDir().resolve("logs").resolve("kafka.log"));
        Launcher launcher = new Launcher(options, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stopAll();
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            launcher.startAll();
        } catch (RuntimeException e) {
            System.err.println("\nThe platform did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.watchServices();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void startAll() {
        Path runDir = options.runDir();
        Path logs = runDir.resolve("logs");
        PostgresServer postgres = PostgresServer.fromEnvironment();
        postgres.requireReachable();
        if (options.fresh()) {
            System.out.println("Fresh start: dropping the databases and the Kafka log under " + runDir);
            Arrays.stream(PlatformService.values()).forEach(s -> postgres.dropDatabase(database(s)));
            deleteRecursively(runDir.resolve("kafka"));
            deleteRecursively(runDir.resolve("catalog-search-index")); // it holds positions of the old topics
        }
        createDirectories(logs);

        String bootstrapServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            int kafkaPort = Integer.parseInt(env.getOrDefault("COMMERCE_KAFKA_PORT", "9092"));
            System.out.println("Starting Kafka (KRaft) on 127.0.0.1:" + kafkaPort + " ...");
            broker = KafkaBroker.start(runDir.resolve("kafka"), kafkaPort);
            bootstrapServers = broker.bootstrapServers();
        }

        for (PlatformService service : PlatformService.values()) {
            if (postgres.ensureDatabase(database(service))) {
                System.out.println("Created database " + database(service));
            }
        }

        SigningKeys keys = SigningKeys.loadOrGenerate(runDir);
        String issuer = env.getOrDefault("COMMERCE_JWT_ISSUER", TokenMinter.DEFAULT_ISSUER);
        List<String> jvmOptions = List.of(env.getOrDefault("COMMERCE_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS).trim().split("\\s+"));
        String serviceJavaHome = env.get("COMMERCE_SERVICE_JAVA_HOME");
        JavaRuntime runtime = serviceJavaHome == null || serviceJavaHome.isBlank()
                ? JavaRuntime.current() : JavaRuntime.at(Path.of(serviceJavaHome));
        System.out.println("Services run on Java " + runtime.featureVersion() + " (" + runtime.home() + ")");

        TokenMinter minter = new TokenMinter(keys, issuer);
        for (PlatformService service : PlatformService.values()) {
            Map<String, String> serviceEnv = new HashMap<>();
            serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database(service)));
            serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            serviceEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", runDir.resolve(SigningKeys.PUBLIC_KEY_FILE).toString());
            serviceEnv.put("MP_JWT_VERIFY_ISSUER", issuer);
            // the local platform is a test deployment: payment-service may use its built-in test provider
            serviceEnv.put("COMMERCE_PAYMENT_ALLOW_TEST_PROVIDER",
                    env.getOrDefault("COMMERCE_PAYMENT_ALLOW_TEST_PROVIDER", "true"));
            if (!env.containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") && !env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")) {
                // Without a collector the exporter would log a failure every few seconds.
                serviceEnv.put("QUARKUS_OTEL_SDK_DISABLED", "true");
            }
            if (service != PlatformService.CUSTOMER) {
                // one issuer: the others verify with customer-service's JWKS (fetched at the first token, refreshed
                // when a token names a key they do not know yet), so a key rotation needs no restart of theirs
                serviceEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "http://127.0.0.1:" + portOf(PlatformService.CUSTOMER) + "/.well-known/jwks.json");
            }
            if (service == PlatformService.CUSTOMER) {
                // the deployment's key pair: customer-service signs customers' tokens with it, as the launcher does its own
                serviceEnv.put("COMMERCE_CUSTOMER_SIGNING_KEY_LOCATION", runDir.resolve(SigningKeys.PRIVATE_KEY_FILE).toString());
            }
            if (service == PlatformService.CATALOG) {
                // the storefront's search index, with the topic positions it applied: a restart resumes from there
                serviceEnv.put("CATALOG_INDEX_DIRECTORY", runDir.resolve("catalog-search-index").toString());
            }
            if (service == PlatformService.ORDER) {
                // the checkout hand-off: where cart-service listens, and order-service's service credential for it
                serviceEnv.put("COMMERCE_CART_SERVICE_URL", "http://127.0.0.1:" + portOf(PlatformService.CART));
                serviceEnv.put("COMMERCE_ORDER_SERVICE_TOKEN", minter.serviceCredential("order-service"));
            }
            int port = portOf(service);
            Path jar = options.home().resolve(service.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
            System.out.println("Starting " + service.serviceName() + " on port " + port + " ...");
            List<String> serviceJvmOptions = new ArrayList<>(jvmOptions);
            if (!"false".equals(env.get("COMMERCE_CLASS_DATA_CACHE"))) {
                serviceJvmOptions.addAll(ClassDataCache.jvmOptions(runtime, jar, service.serviceName(), runDir.resolve("aot")));
            }
            ServiceProcess process = ServiceProcess.start(service.serviceName(), runtime, jar, port, serviceJvmOptions, serviceEnv,
                    logs.resolve(service.serviceName() + ".log"));
            services.add(process);
            if (options.sequential()) {
                readiness.put(process.name(), awaitReady(process));
            }
        }
        for (ServiceProcess service : services) {
            if (!readiness.containsKey(service.name())) {
                readiness.put(service.name(), awaitReady(service));
            }
        }
        printSummary(bootstrapServers, minter, logs);
    }

    private int portOf(PlatformService service) {
        return Integer.parseInt(env.getOrDefault("COMMERCE_" + service.name() + "_PORT", String.valueOf(service.defaultPort())));
    }

    private static Duration awaitReady(ServiceProcess service) {
        try {
            return service.awaitReady(Duration.ofSeconds(120));
        } catch (IllegalStateException e) {
            System.err.println("\n" + e.getMessage() + ". Last lines of " + service.logFile() + ":");
            service.lastLogLines(40).forEach(line -> System.err.println("  " + line));
            throw e;
        }
    }

    private void printSummary(String bootstrapServers, TokenMinter tokens, Path logs) {
        StringBuilder out = new StringBuilder("\nThe commerce platform is running.\n\n");
        out.append(String.format("%-18s %-24s %-40s %-40s %-12s %s%n", "service", "API", "Swagger UI", "health (ready)",
                "ready after", "RSS"));
        for (ServiceProcess service : services) {
            out.append(String.format("%-18s %-24s %-40s %-40s %-12s %d MB%n", service.name(), service.baseUrl(),
                    service.baseUrl() + "/q/swagger-ui", service.baseUrl() + "/q/health/ready",
                    String.format("%.1f s", readiness.get(service.name()).toMillis() / 1000.0),
                    service.residentKilobytes() / 1024));
        }
        Map<String, String> sample = tokens.sampleTokens();
        TokenMinter.writeEnvFile(options.runDir().resolve("tokens.env"), sample);
        out.append("\nKafka: ").append(bootstrapServers).append("\nLogs: ").append(logs).append('\n');
        out.append("\nTokens (valid 12 hours; `source ").append(options.runDir().resolve("tokens.env"))
                .append("` sets them; customer id: customer-1):\n");
        sample.forEach((name, token) -> out.append("  ").append(name).append('=').append(token).append("\n\n"));
        out.append("Try: curl -H \"Authorization: Bearer $ADMIN_TOKEN\" ").append(services.get(0).baseUrl())
                .append("/categories\n");
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }

    /** The service's database: its name, after {@code COMMERCE_DB_PREFIX} (for a second platform on one server). */
    private String database(PlatformService service) {
        return env.getOrDefault("COMMERCE_DB_PREFIX", "") + service.database();
    }

    /**
     * Supervises the services as a process manager would: one that ends unexpectedly (a crash, SIGKILL) is started
     * again on its port, after a pause that doubles with each restart (1 s up to 30 s), so a service that cannot
     * start does not spin. The rest keep running meanwhile.
     */
    private void watchServices() {
        Thread watcher = new Thread(() -> {
            Map<String, Integer> restarts = new HashMap<>();
            while (!stopping) {
                List<ServiceProcess> current;
                synchronized (this) {
                    current = List.copyOf(services);
                }
                for (ServiceProcess service : current) {
                    if (!service.isAlive() && !stopping) {
                        int restart = restarts.merge(service.name(), 1, Integer::sum);
                        long pause = Math.min(30, 1L << Math.min(restart - 1, 5));
                        System.err.printf("%s stopped unexpectedly (exit code %d); starting it again in %d s (restart %d); see %s%n",
                                service.name(), service.exitCode(), pause, restart, service.logFile());
                        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(pause).toNanos());
                        restart(service);
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }, "service-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private synchronized void restart(ServiceProcess ended) {
        int index = services.indexOf(ended);
        if (stopping || index < 0) {
            return;
        }
        try {
            services.set(index, ended.startAgain());
            System.out.println("Started " + ended.name() + " again on port " + ended.port());
        } catch (RuntimeException e) {
            System.err.println("Could not start " + ended.name() + " again: " + e.getMessage());
        }
    }

    synchronized void stopAll() {
        if (services.isEmpty() && broker == null) {
            return;
        }
        stopping = true;
        System.out.println("\nStopping the platform ...");
        long started = System.nanoTime();
        // every service gets SIGTERM at once and finishes on its own (relay and consumers hand back what they hold);
        // a parallel stream would stop them two at a time on two cores
        services.forEach(ServiceProcess::signalStop);
        services.forEach(service -> service.awaitStop(Duration.ofSeconds(30)));
        services.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
        System.out.printf("Stopped in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    }

    /** The in-process broker logs through SLF4J; its lines go to a file, not the launcher's console. */
    private static void routeBrokerLogsTo(Path file) {
        createDirectories(file.getParent());
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Command-line options of the launcher. */
    record LaunchOptions(boolean fresh, boolean sequential, Path runDir, Path home) {
        static LaunchOptions parse(String[] args) {
            boolean fresh = false;
            boolean sequential = false;
            Path runDir = Path.of(".run", "local");
            Path home = Path.of(".");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fresh" -> fresh = true;
                    case "--sequential" -> sequential = true;
                    case "--run-dir" -> runDir = Path.of(args[++i]);
                    case "--home" -> home = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; usage: [--fresh] [--sequential] [--run-dir DIR] [--home DIR]");
                }
            }
            return new LaunchOptions(fresh, sequential, runDir.toAbsolutePath().normalize(), home.toAbsolutePath().normalize());
        }
    }
}
