package dev.commerce.platform.messaging.inbox;

import org.apache.kafka.common.errors.RetriableException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database or broker away, the pool exhausted, a lock or statement
 * timeout, a deadlock) from a failure of a handler's own logic. The first is waited out for as long as it lasts;
 * only the second counts towards the dead-letter threshold.
 */
public final class InfrastructureFailures {

    /**
     * SQLSTATE classes and codes that say nothing about the event: connection (08), transaction rollback such as a
     * deadlock or serialization failure (40), insufficient resources (53), operator intervention such as a shutdown
     * or a cancelled statement (57), system errors (58) and lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private InfrastructureFailures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SocketException || cause instanceof RetriableException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && transientState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's "Sorry, acquisition timeout!" when every pooled connection is taken or the server is away
            return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
        }
        return "55P03".equals(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }
}
