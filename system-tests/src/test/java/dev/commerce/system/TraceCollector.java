package dev.commerce.system;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory OpenTelemetry collector for the launched platform: takes OTLP/HTTP span exports
 * ({@code POST /v1/traces}, protobuf) and keeps their bodies, so a test can see which service exported a span of
 * which trace. The bodies are not decoded: a trace id travels in them as its 16 raw bytes, a service name as text.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            exchange.close();
        });
        server.start();
    }

    /** The OTLP endpoint to give the services ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether {@code service} exported a span of the trace {@code traceId} (32 hex digits). */
    boolean received(String service, String traceId) {
        byte[] trace = HexFormat.of().parseHex(traceId);
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(body -> contains(body, trace) && contains(body, name));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
