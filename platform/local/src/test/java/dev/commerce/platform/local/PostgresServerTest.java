package dev.commerce.platform.local;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the PostgreSQL server the tests use (COMMERCE_PG_*). */
class PostgresServerTest {

    @Test
    void creates_a_database_once_and_drops_it() {
        PostgresServer server = PostgresServer.fromEnvironment();
        String database = "commerce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            assertTrue(server.ensureDatabase(database));
            assertFalse(server.ensureDatabase(database));
        } finally {
            server.dropDatabase(database);
        }
        assertTrue(server.ensureDatabase(database));
        server.dropDatabase(database);
    }

    @Test
    void says_how_to_provide_a_server_when_it_cannot_log_in() {
        PostgresServer wrong = PostgresServer.fromEnvironment(Map.of("COMMERCE_PG_PORT", "1"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, wrong::requireReachable);
        assertTrue(failure.getMessage().contains("COMMERCE_PG_HOST"), failure.getMessage());
    }

    @Test
    void refuses_a_database_name_that_is_not_plain() {
        assertThrows(IllegalArgumentException.class,
                () -> PostgresServer.fromEnvironment(Map.of()).ensureDatabase("x; DROP DATABASE y"));
    }

    @Test
    void reads_its_settings_from_the_environment() {
        PostgresServer server = PostgresServer.fromEnvironment(
                Map.of("COMMERCE_PG_HOST", "db.internal", "COMMERCE_PG_PORT", "6543", "COMMERCE_PG_USER", "shop"));
        assertEquals("jdbc:postgresql://db.internal:6543/catalog", server.jdbcUrl("catalog"));
        assertEquals("shop", server.user());
    }
}
