package io.herald.application.port;

import java.util.Objects;
import java.util.Optional;

/** Which page to read: the cursor the previous page gave, and at most how many items. */
public record PageRequest(Optional<PageCursor> cursor, int limit) {
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
