package dev.commerce.platform.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for processes started later. They come from below the range the operating system hands out as
 * local ports of outgoing connections: a port the system picked from that range was once taken by some client's
 * connection in the seconds before the service meant to bind it (a CI run of the system tests failed so). Each port
 * is bindable when picked, and none is handed out twice by this JVM.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The lowest port picked: above the usual fixed ports of development tools. */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int pick() {
        int highest = firstEphemeralPort() - 1;
        for (int attempt = 0; attempt < ATTEMPTS && highest - LOWEST > 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return chosenBySystem(); // no room below the ephemeral range here: the system's choice, as before
    }

    /** The start of the operating system's ephemeral range (Linux's default, 32768, where it cannot be read). */
    static int firstEphemeralPort() {
        try {
            // read line by line: Files.readString gives a truncated value for this procfs file on JDK 17
            try (BufferedReader range = Files.newBufferedReader(EPHEMERAL_RANGE)) {
                return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int chosenBySystem() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
