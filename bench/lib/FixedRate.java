import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: sends GET requests at a fixed rate whatever the answers take, and measures each
 * latency from the moment the request was due (not from when a connection was free to send it), so a stall shows in
 * the percentiles instead of pausing the load (the "coordinated omission" of closed-loop tools such as wrk).
 * <p>
 * A scheduler thread releases one request every 1/rate seconds into a queue; CONNECTIONS threads, each with one
 * keep-alive HTTP/1.1 connection, take them in turn. The paths are read from a file and used round-robin.
 * <pre>java bench/lib/FixedRate.java BASE_URL PATHS_FILE RATE SECONDS [CONNECTIONS] [WARMUP_SECONDS]</pre>
 * Prints one line: {@code RESULT rate=... requests=... ok=... other=... errors=... late=... p50_ms=... p90_ms=...
 * p99_ms=... p999_ms=... max_ms=...}; {@code requests} counts the answered ones (latencies are theirs), {@code other}
 * the answers other than 200, {@code errors} requests whose connection failed (it is opened again), {@code late}
 * requests sent more than 1 ms after they were due (all connections busy), a sign the service could not keep the
 * rate.
 */
public class FixedRate {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FixedRate BASE_URL PATHS_FILE RATE SECONDS [CONNECTIONS] [WARMUP_SECONDS]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int warmupSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 5;

        long total = (long) rate * (warmupSeconds + seconds);
        long measuredFrom = (long) rate * warmupSeconds;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>((int) Math.min(total, 1_000_000));
        AtomicLong next = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(new Worker(base, paths, due, next, measuredFrom));
        }
        workers.forEach(Thread::start);

        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            long at = start + i * intervalNanos;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.put(at);
        }
        for (int i = 0; i < connections; i++) {
            due.put(-1L);
        }
        for (Worker worker : workers) {
            worker.join();
        }
        report(rate, workers);
    }

    private static void report(int rate, List<Worker> workers) {
        long[] all = workers.stream().flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.count)).sorted().toArray();
        long ok = workers.stream().mapToLong(worker -> worker.ok).sum();
        long other = workers.stream().mapToLong(worker -> worker.other).sum();
        long late = workers.stream().mapToLong(worker -> worker.late).sum();
        long errors = workers.stream().mapToLong(worker -> worker.errors).sum();
        System.out.printf("RESULT rate=%d requests=%d ok=%d other=%d errors=%d late=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                rate, all.length, ok, other, errors, late, millis(all, 0.50), millis(all, 0.90), millis(all, 0.99), millis(all, 0.999),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0.0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** One keep-alive connection that sends the requests it takes from the queue, one after the other. */
    private static final class Worker extends Thread {
        private final URI base;
        private final List<String> paths;
        private final BlockingQueue<Long> due;
        private final AtomicLong next;
        private final long measuredFrom;
        private long[] latencies = new long[1 << 16];
        private int count;
        private long ok;
        private long other;
        private long errors;
        private long late;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(URI base, List<String> paths, BlockingQueue<Long> due, AtomicLong next, long measuredFrom) {
            this.base = base;
            this.paths = paths;
            this.due = due;
            this.next = next;
            this.measuredFrom = measuredFrom;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long at = due.take();
                    if (at < 0) {
                        break;
                    }
                    long sequence = next.getAndIncrement();
                    if (System.nanoTime() - at > TimeUnit.MILLISECONDS.toNanos(1) && sequence >= measuredFrom) {
                        late++;
                    }
                    int status = sendOrFail(paths.get((int) (sequence % paths.size())));
                    if (sequence < measuredFrom) {
                        continue;
                    }
                    if (status < 0) {
                        errors++; // no answer, so no latency
                        continue;
                    }
                    record(System.nanoTime() - at);
                    if (status == 200) {
                        ok++;
                    } else {
                        other++;
                    }
                }
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The answer's status, or -1 when the connection failed (it is opened again for the next request). */
        private int sendOrFail(String path) {
            try {
                return send(path);
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the connection is dropped either way
                }
                socket = null;
            }
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private int send(String path) throws IOException {
            if (socket == null) {
                socket = new Socket(base.getHost(), base.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                out = socket.getOutputStream();
            }
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead();
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase();
            if (lower.contains("\ntransfer-encoding: chunked")) {
                readChunks();
            } else {
                skip(contentLength(lower));
            }
            return status;
        }

        private String readHead() throws IOException {
            StringBuilder head = new StringBuilder(512);
            int matched = 0;
            while (matched < HEADER_END.length) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed by the service");
                }
                head.append((char) b);
                matched = b == HEADER_END[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString();
        }

        private static int contentLength(String lowerHead) throws IOException {
            int at = lowerHead.indexOf("\ncontent-length:");
            if (at < 0) {
                throw new IOException("answer without Content-Length or chunks: " + lowerHead);
            }
            int end = lowerHead.indexOf('\r', at);
            return Integer.parseInt(lowerHead.substring(at + "\ncontent-length:".length(), end).trim());
        }

        private void readChunks() throws IOException {
            while (true) {
                StringBuilder size = new StringBuilder();
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new IOException("connection closed inside a chunk");
                    }
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                skip(length + 2); // the chunk and its CRLF (after the last, empty chunk: the final CRLF)
                if (length == 0) {
                    return;
                }
            }
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed inside an answer");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }
    }
}
