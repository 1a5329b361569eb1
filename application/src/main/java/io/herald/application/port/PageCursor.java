package io.herald.application.port;

/**
 * Where a page ended, written down by the store that read it. A store makes one with each page that has more after
 * it, and only that store can read it: to clients and use cases it is opaque text they hand back as it came, and its
 * form is no contract with anyone else. This type checks only what keeps hostile input cheap before a store sees it;
 * the store judges the rest, refusing with {@link Invalid} a cursor it never gave out.
 */
public record PageCursor(String value) {
    /**
     * Above the longest cursor any store makes: the catch-up cursor is the base64 of two 128-character ids and a
     * timestamp, about 1,100 characters when the ids are all three-byte characters, so 1,024 would be too few.
     */
    public static final int MAX_LENGTH = 2048;

    /**
     * Refuses only what no store makes. Not every cursor is URL-safe (a connection log's is {@code {shard}:{id}}, and
     * an id may hold '=' or '/'), but none has spaces or control characters: stores build them from ids and base64.
     */
    public PageCursor {
        if (value == null || value.isBlank()) {
            throw new Invalid("a page cursor must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new Invalid("a page cursor must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new Invalid("a page cursor must not contain spaces or control characters");
            }
        }
    }

    /** The refusal a store gives a cursor it did not make, naming its own kind ("not a history cursor"). */
    public static Invalid notA(String kind) {
        return new Invalid("not a " + kind + " cursor");
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * A cursor no store could have made, or one the store asked never gave out. It is the client's mistake, so it is
     * an {@link IllegalArgumentException}. The cursor is not in the message, which may go back to the client.
     */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }
}
