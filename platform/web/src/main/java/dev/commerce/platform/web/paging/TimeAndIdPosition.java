package dev.commerce.platform.web.paging;

import dev.commerce.platform.web.problem.ProblemException;

import java.time.Instant;
import java.util.UUID;

/** The most common keyset position: a timestamp with the id that breaks its ties. */
public record TimeAndIdPosition(Instant at, UUID id) {

    public Cursor cursor() {
        return Cursor.after(at.toString(), id.toString());
    }

    /** The position a page's {@code cursor} names, or null for the first page; a forged cursor is a 400. */
    public static TimeAndIdPosition decode(PageParams page) {
        if (page.cursor == null) {
            return null;
        }
        Cursor cursor = Cursor.decode(page.cursor, 2);
        try {
            return new TimeAndIdPosition(Instant.parse(cursor.value(0)), UUID.fromString(cursor.value(1)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
        }
    }
}
