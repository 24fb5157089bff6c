package dev.commerce.system;

import dev.commerce.platform.local.FreePorts;
import dev.commerce.platform.local.PlatformService;
import dev.commerce.platform.local.PostgresServer;
import org.awaitility.Awaitility;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged platform as a user does ({@code platform-local.jar}) on free ports and databases of its own
 * (COMMERCE_DB_PREFIX), so a local platform may run beside it; {@link #close} kills what it started and drops the
 * databases.
 */
final class PlatformLauncher implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern SERVICE_ROW = Pattern.compile("^(\\S+-service)\\s+(http://\\S+)\\s+(http://\\S+)\\s+(http://\\S+)\\s.*");
    private final String prefix = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    private final List<Process> launchers = new ArrayList<>();

    String prefix() {
        return prefix;
    }

    @Override
    public void close() {
        launchers.forEach(launcher -> {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        });
        launchers.clear();
        PostgresServer postgres = PostgresServer.fromEnvironment();
        for (PlatformService service : PlatformService.values()) {
            postgres.dropDatabase(prefix + service.database());
        }
    }

    static Map<String, String> freePorts() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("COMMERCE_KAFKA_PORT", Integer.toString(FreePorts.pick()));
        for (PlatformService service : PlatformService.values()) {
            env.put("COMMERCE_" + service.name() + "_PORT", Integer.toString(FreePorts.pick()));
        }
        return env;
    }

    Launch launch(Path runDir, Map<String, String> ports, String... options) throws IOException {
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

    static Path launcherOutput(Path runDir) {
        return runDir.resolve("launcher.out");
    }

    Process start(Path runDir, Map<String, String> ports, String... options) throws IOException {
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

    static Map<String, String> tokens(Path runDir) throws IOException {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String line : Files.readAllLines(runDir.resolve("tokens.env"))) {
            int equals = line.indexOf('=');
            tokens.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return tokens;
    }

    /** A running launcher and what it printed. */
    record Launch(Process launcher, List<String> output) {

        /** Ctrl-C stops the six services and the broker, each finishing what it holds, within this. */
        static final Duration STOP_LIMIT = Duration.ofSeconds(10);

        List<String> printedUrls() {
            List<String> urls = new ArrayList<>();
            for (String line : output) {
                Matcher row = SERVICE_ROW.matcher(line);
                if (row.matches()) {
                    urls.addAll(List.of(row.group(2), row.group(3), row.group(4)));
                }
            }
            assertThat(urls).as("three URLs for each of the six services").hasSize(18);
            return urls;
        }

        /** The running process of a service (the launcher starts a new one when it ends). */
        ProcessHandle service(String service) {
            String jar = "/" + service + "/target/quarkus-app/quarkus-run.jar";
            return launcher.descendants().filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " is not running"));
        }

        String baseUrl(String service) {
            return output.stream().map(SERVICE_ROW::matcher).filter(Matcher::matches)
                    .filter(row -> row.group(1).equals(service)).map(row -> row.group(2)).findFirst().orElseThrow();
        }

        /** SIGTERM, as Ctrl-C or a service manager sends: everything stops within {@link #STOP_LIMIT}. */
        void stopAndExpectNothingLeft(Path runDir) throws Exception {
            List<ProcessHandle> children = launcher.descendants().toList();
            assertThat(children).as("the six services").hasSizeGreaterThanOrEqualTo(6);
            long signalled = System.nanoTime();
            launcher.destroy();
            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
            Duration stop = Duration.ofNanos(System.nanoTime() - signalled);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(stop).as("from SIGTERM to the launcher's exit (it printed: %s)", stoppedLine(runDir))
                    .isLessThan(STOP_LIMIT);
        }

        private static String stoppedLine(Path runDir) throws IOException {
            return Files.readAllLines(launcherOutput(runDir)).stream().filter(line -> line.startsWith("Stopped in"))
                    .findFirst().orElse("nothing about stopping");
        }
    }
}
