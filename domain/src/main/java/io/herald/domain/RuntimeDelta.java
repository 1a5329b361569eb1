package io.herald.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One state change sent to the other devices of a session. Its fields are the delta's own (playerId, nodeId,
 * objectId, progress counts…); values are limited to text, numbers and booleans so every shape can carry them.
 */
public record RuntimeDelta(DeltaType type, Map<String, Object> fields, Instant timestamp) {
    public static final int MAX_FIELDS = 32;
    public static final int MAX_TEXT = 256;

    public RuntimeDelta {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        fields = Map.copyOf(fields);
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a delta has at most " + MAX_FIELDS + " fields");
        }
        fields.forEach(RuntimeDelta::requireField);
    }

    private static void requireField(String name, Object value) {
        if (name.equals("type") || name.equals("timestamp")) {
            throw new IllegalArgumentException("delta field '" + name + "' is reserved");
        }
        boolean scalar = value instanceof Boolean || value instanceof Number
                || value instanceof String text && text.length() <= MAX_TEXT;
        if (!scalar) {
            throw new IllegalArgumentException("delta field '" + name + "' must be text (at most "
                    + MAX_TEXT + " characters), a number or a boolean");
        }
    }
}
