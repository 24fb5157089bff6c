package dev.commerce.platform.web.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and, when there are more, the cursor of the next page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page", nullable = true,
                examples = "eyJ0IjoiMjAyNi0xMi0wMVQxMDowMDowMFoiLCJpZCI6IjEyMyJ9")
        String nextCursor) {

    /**
     * Builds a page from a query that fetched up to {@code limit + 1} rows: the extra row only tells that a next
     * page exists, and the cursor points after the last item shown.
     */
    public static <T> Page<T> fromLookahead(List<T> fetched, int limit, Function<T, Cursor> cursorAfter) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorAfter.apply(items.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
