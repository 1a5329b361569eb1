package io.herald.adapter.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as fixed-width UTC text (nanosecond precision), so that string order is time order in sort keys and
 * in condition expressions such as {@code leaseUntil <= :now}.
 */
final class Timestamps {
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(Instant instant) {
        return FIXED.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** The TTL attribute: whole seconds, rounded up so an item is never deleted before it expires. */
    static String ttl(Instant expiresAt) {
        long seconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }
}
