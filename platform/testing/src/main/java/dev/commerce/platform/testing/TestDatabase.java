package dev.commerce.platform.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct JDBC connection to the service's test database, for arranging or inspecting data around a test. */
public final class TestDatabase {

    private static volatile TcpProxy proxy;

    private TestDatabase() {
    }

    /** Straight to the server, also when the service goes through the proxy (so it works while that is cut). */
    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue(CommerceTestResource.DIRECT_JDBC_URL, String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.jdbc.url", String.class));
        return DriverManager.getConnection(url, config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The proxy between the service and its database ({@code database=proxied} on the test resource). */
    public static TcpProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("the test resource was not started with database=proxied");
        }
        return proxy;
    }

    static TcpProxy startProxy(String host, int port) {
        stopProxy();
        proxy = TcpProxy.to(host, port);
        return proxy;
    }

    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
    }
}
