package dev.commerce.platform.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the platform and its tests use, named by {@code COMMERCE_PG_HOST}, {@code COMMERCE_PG_PORT},
 * {@code COMMERCE_PG_USER} and {@code COMMERCE_PG_PASSWORD} (default: 127.0.0.1:5432, role commerce/commerce).
 * Creates and drops databases through the {@code postgres} maintenance database.
 */
public final class PostgresServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public PostgresServer(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static PostgresServer fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static PostgresServer fromEnvironment(Map<String, String> env) {
        return new PostgresServer(
                env.getOrDefault("COMMERCE_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("COMMERCE_PG_PORT", "5432")),
                env.getOrDefault("COMMERCE_PG_USER", "commerce"),
                env.getOrDefault("COMMERCE_PG_PASSWORD", "commerce"));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Fails with a message that says how to provide a server when this one cannot be reached. */
    public void requireReachable() {
        try (Connection ignored = connect("postgres")) {
            // reachable and the role may log in
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    PostgreSQL is not usable at %s:%d as role '%s': %s
                    Start a server (Debian: pg_ctlcluster 15 main start) and create the role once, e.g.
                      runuser -u postgres -- psql -c "CREATE ROLE commerce LOGIN PASSWORD 'commerce' CREATEDB"
                    (bin/ensure-postgres does both), or point COMMERCE_PG_HOST, COMMERCE_PG_PORT,
                    COMMERCE_PG_USER and COMMERCE_PG_PASSWORD at a server where that role may create databases."""
                    .formatted(host, port, user, e.getMessage()), e);
        }
    }

    /** Creates the database unless it exists; returns whether it was created. */
    public boolean ensureDatabase(String database) {
        requireValidName(database);
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, ending its open sessions first. */
    public void dropDatabase(String database) {
        requireValidName(database);
        try (Connection connection = connect("postgres"); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    /** A connection to {@code database} as the platform's role. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    private static void requireValidName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }
}
