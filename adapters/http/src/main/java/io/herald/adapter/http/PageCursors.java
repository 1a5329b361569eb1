package io.herald.adapter.http;

import io.herald.application.port.PageCursor;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page cursor comes in as a query parameter and goes out as the text of {@code nextCursor}. To a client, one no
 * store could have made and one its store did not give out are the same mistake, so both get the same 400.
 */
final class PageCursors {
    static final String INVALID = "invalid_cursor";

    private PageCursors() {
    }

    /**
     * Reads a page from the cursor in {@code field} (the first page when there is none).
     *
     * @throws ApiException the 400 {@code invalid_cursor} about {@code field} when the cursor is malformed or refused
     */
    static <T> T read(String field, Optional<String> cursor, Function<Optional<PageCursor>, T> page) {
        try {
            return page.apply(cursor.map(PageCursor::new));
        } catch (PageCursor.Invalid e) {
            throw ApiException.badField(field, INVALID, "not a cursor this API gave out");
        }
    }

    static Optional<String> text(Optional<PageCursor> cursor) {
        return cursor.map(PageCursor::value);
    }
}
