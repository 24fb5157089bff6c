package dev.commerce.platform.web.paging;

import dev.commerce.platform.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last item of a page, as the sort key values of that item (keyset paging: stable under
 * inserts, no OFFSET scans). Encoded opaque so clients do not build their own.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";

    public static Cursor after(String... values) {
        return new Cursor(List.of(values));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1" + SEPARATOR + String.join(SEPARATOR, values)).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor with the expected number of values; anything else is a 400 naming the parameter. */
    public static Cursor decode(String encoded, int expectedValues) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = text.split(SEPARATOR, -1);
            if (parts.length != expectedValues + 1 || !"v1".equals(parts[0])) {
                throw invalid();
            }
            return new Cursor(List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String value(int index) {
        return values.get(index);
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid-cursor", "cursor is not a cursor this list returned");
    }
}
