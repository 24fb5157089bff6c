package dev.commerce.platform.web.paging;

import dev.commerce.platform.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void round_trips_its_values() {
        String encoded = Cursor.after("2026-01-01T00:00:00Z", "b6f1").encode();
        assertEquals(List.of("2026-01-01T00:00:00Z", "b6f1"), Cursor.decode(encoded, 2).values());
    }

    @Test
    void refuses_a_forged_or_foreign_cursor_with_a_400() {
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode("%%%", 1)).status());
        String twoValues = Cursor.after("a", "b").encode();
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decode(twoValues, 1)).status());
    }

    @Test
    void a_page_with_a_lookahead_row_points_after_its_last_item() {
        Page<String> page = Page.fromLookahead(List.of("a", "b", "c"), 2, Cursor::after);
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(List.of("b"), Cursor.decode(page.nextCursor(), 1).values());
    }

    @Test
    void the_last_page_has_no_cursor() {
        assertNull(Page.fromLookahead(List.of("a", "b"), 2, Cursor::after).nextCursor());
    }
}
