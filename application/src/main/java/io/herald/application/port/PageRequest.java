package io.herald.application.port;

import java.util.Optional;

/** Which page to read: an opaque cursor from the previous page, and at most how many items. */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be between 1 and " + MAX_LIMIT);
        }
        cursor = cursor.filter(c -> !c.isBlank());
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
