package io.herald.domain;

import java.util.Optional;

/**
 * What a member may say in a room: trimmed, with control characters (other than line breaks and tabs) and the
 * bidirectional overrides and isolates that make text display differently from what it says removed, and at most
 * {@value #MAX_LENGTH} characters (code points) once cleaned. Too long is refused rather than cut, so nobody's
 * words are silently shortened.
 */
public record RoomText(String value) {
    public static final int MAX_LENGTH = 2_000;

    public RoomText {
        if (value == null || value.isEmpty() || !value.equals(clean(value))) {
            throw new IllegalArgumentException("room text must be cleaned first; use RoomText.from");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("room text is longer than " + MAX_LENGTH + " characters");
        }
    }

    /** The cleaned text, or the refusal that says why there is nothing to send. */
    public static Result from(String raw) {
        String cleaned = raw == null ? "" : clean(raw);
        if (cleaned.isEmpty()) {
            return new Result(Optional.empty(), Optional.of(Refusal.EMPTY_TEXT));
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            return new Result(Optional.empty(), Optional.of(Refusal.TEXT_TOO_LONG));
        }
        return new Result(Optional.of(new RoomText(cleaned)), Optional.empty());
    }

    public record Result(Optional<RoomText> text, Optional<Refusal> refusal) {
    }

    static String clean(String raw) {
        StringBuilder kept = new StringBuilder(raw.length());
        raw.codePoints().filter(RoomText::isKept).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    private static boolean isKept(int c) {
        if (c == '\n' || c == '\t') {
            return true;
        }
        if (Character.isISOControl(c)) {
            return false;
        }
        boolean bidiOverride = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        boolean unpaired = Character.getType(c) == Character.SURROGATE;
        return !bidiOverride && !unpaired;
    }
}
