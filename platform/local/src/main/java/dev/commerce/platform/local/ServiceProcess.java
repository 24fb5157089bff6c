package dev.commerce.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A packaged Quarkus service running as a child process, its output written to a log file.
 * Also used by tests that need a second instance of a service or must kill one with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Instant startedAt;
    /** How it was started, to start it again the same way. */
    private final Start start;

    private record Start(JavaRuntime runtime, Path runnerJar, List<String> jvmOptions, Map<String, String> environment) {
    }

    private ServiceProcess(String name, int port, Path logFile, Process process, Instant startedAt, Start start) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.startedAt = startedAt;
        this.start = start;
    }

    /** Starts the service on the JVM that runs this code. */
    public static ServiceProcess start(String name, Path runnerJar, int port, List<String> jvmOptions,
                                       Map<String, String> environment, Path logFile) {
        return start(name, JavaRuntime.current(), runnerJar, port, jvmOptions, environment, logFile);
    }

    /**
     * Starts {@code java [jvmOptions] -jar runnerJar} on the given runtime with the given extra environment (Quarkus
     * reads {@code QUARKUS_HTTP_PORT} and friends from it), appending its output to {@code logFile}.
     */
    public static ServiceProcess start(String name, JavaRuntime runtime, Path runnerJar, int port, List<String> jvmOptions,
                                       Map<String, String> environment, Path logFile) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IllegalStateException(runnerJar + " is missing: build the services first (./mvnw -B package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(runtime.javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(runnerJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runnerJar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(logFile.getParent());
            Instant startedAt = Instant.now();
            return new ServiceProcess(name, port, logFile, builder.start(), startedAt,
                    new Start(runtime, runnerJar, List.copyOf(jvmOptions), Map.copyOf(environment)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** A new process of the same service, started as this one was (same port, environment and log file). */
    public ServiceProcess startAgain() {
        return start(name, start.runtime(), start.runnerJar(), port, start.jvmOptions(), start.environment(), logFile);
    }

    /** The exit code of the ended process, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 and returns how long the service took from process start.
     * Fails at once when the process exits, and when the deadline passes.
     */
    public Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException notListeningYet) {
                // the port opens a moment after the JVM starts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException(name + " was not ready within " + timeout);
    }

    /** The last lines of the service's log, for a failure report. */
    public List<String> lastLogLines(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(log " + logFile + " unreadable: " + e.getMessage() + ")");
        }
    }

    /** Resident memory of the process in kilobytes (Linux), or -1 where /proc is not available. */
    public long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException unavailable) {
            return -1;
        }
        return -1;
    }

    /** SIGKILL: the process gets no chance to finish anything (crash tests). */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public void stop(Duration grace) {
        signalStop();
        awaitStop(grace);
    }

    /** SIGTERM without waiting: several services then stop at the same time ({@link #awaitStop}). */
    public void signalStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the process to end after {@link #signalStop}; SIGKILL if it has not within the grace period. */
    public void awaitStop(Duration grace) {
        if (process.isAlive() && !waitForExit(grace)) {
            kill();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
