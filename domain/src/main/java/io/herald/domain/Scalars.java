package io.herald.domain;

import java.util.Map;

/** The one shape free-form client data may take: a few named texts, numbers and booleans, nothing nested. */
final class Scalars {
    static final int MAX_FIELDS = 32;
    static final int MAX_TEXT = 256;

    private Scalars() {
    }

    static Map<String, Object> require(Map<String, Object> fields, String what) {
        Map<String, Object> copy = Map.copyOf(fields);
        if (copy.size() > MAX_FIELDS) {
            throw new IllegalArgumentException(what + " has at most " + MAX_FIELDS + " fields");
        }
        copy.forEach((name, value) -> {
            boolean scalar = value instanceof Boolean || value instanceof Number
                    || value instanceof String text && text.length() <= MAX_TEXT;
            if (!scalar || name.length() > MAX_TEXT) {
                throw new IllegalArgumentException(what + " field '" + name + "' must be text (at most " + MAX_TEXT
                        + " characters), a number or a boolean");
            }
        });
        return copy;
    }
}
