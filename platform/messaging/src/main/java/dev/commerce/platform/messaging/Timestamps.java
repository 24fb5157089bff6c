package dev.commerce.platform.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A TIMESTAMPTZ column as native queries return it (the JDBC driver and Hibernate differ in the type). */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
