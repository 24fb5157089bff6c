package dev.commerce.platform.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void ports_are_distinct_bindable_and_below_the_range_of_outgoing_connections() throws IOException {
        int firstEphemeral = FreePorts.firstEphemeralPort();
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.pick();
            assertTrue(port >= 10_000 && port < firstEphemeral, port + " lies outside 10000.." + (firstEphemeral - 1));
            picked.add(port);
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, bound.getLocalPort());
            }
        }
        assertEquals(20, picked.size(), "no port handed out twice");
    }
}
