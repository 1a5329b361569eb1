package io.herald.domain;

/** One place for the rule every identifier follows, so a key built from ids can always be split again. */
final class Ids {
    static final int MAX_LENGTH = 128;

    private Ids() {
    }

    static String require(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(kind + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdException(kind + " must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '#' || c == '|' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidIdException(kind + " must not contain '#', '|', spaces or control characters");
            }
        }
        return value;
    }

    /** A game-content reference (node, object, puzzle): free text from the runtime, but never a key separator. */
    static String requireRef(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(kind + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdException(kind + " must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(c -> c == '#' || c == '|' || Character.isISOControl(c))) {
            throw new InvalidIdException(kind + " must not contain '#', '|' or control characters");
        }
        return value;
    }
}
