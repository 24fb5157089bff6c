package dev.commerce.platform.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks whether the service's database answers. A handler that failed while it does not is not blamed for it: the
 * event waits for the database instead of counting an attempt towards its dead letter.
 */
@ApplicationScoped
public class DatabaseProbe {

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
